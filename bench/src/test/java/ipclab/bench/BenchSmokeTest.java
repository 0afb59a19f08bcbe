package ipclab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.MessageQueue;
import ipclab.testkit.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark runs, a few hundred messages each (nothing is timed or compared), writes its
 * report, and leaves nothing behind: no queue, no segment, no child process, no temp folder.
 */
@LabTest
class BenchSmokeTest {

    @Test
    @Timeout(300)
    @DisplayName("every suite runs a few hundred messages, reports them, and removes all it created")
    void everySuiteRunsAndCleansUp(@TempDir Path out) throws Exception {
        var settings = Settings.smoke(out);
        var resources = new Resources();
        Bench.Run run;
        try (resources) {
            run = Bench.run(settings, resources, new Progress(System.out));  // in target/surefire-reports

            // What the suites created, they removed themselves (before the safety net of close()).
            assertThat(resources.children()).as("child processes").allSatisfy(p -> assertThat(p.isAlive()).isFalse());
            assertThat(ProcessHandle.current().descendants().toList()).as("processes left").isEmpty();
            assertThat(resources.keys()).as("System V keys used").isNotEmpty()
                    .allSatisfy(key -> assertThat(MessageQueue.exists(key)).as("queue " + key).isFalse());
            assertThat(resources.segments()).as("segments used").isNotEmpty().allSatisfy(path -> assertThat(path).doesNotExist());
        }
        assertThat(resources.tempDirOrNull()).as("temp folder").isNotNull().doesNotExist();

        var results = run.results();
        boolean lab5 = LabCode.lab5().isPresent();  // built by bench/run; without it, a note says what was left out
        var sections = EnumSet.allOf(Section.class);
        if (!lab5) {
            sections.remove(Section.KV_SERVER);
            assertThat(run.notes()).anySatisfy(note -> assertThat(note).contains("Lab 5 is not built"));
        }
        assertThat(results).extracting(Result::section).containsAll(sections);
        for (Mechanism m : Mechanism.values()) {
            if (m.needsLab5() && !lab5) continue;
            for (Section section : List.of(Section.ROUND_TRIP, Section.ONE_WAY)) {
                var measured = results.stream().filter(r -> r.language() == Language.JAVA && r.pair().equals(m.id)
                        && r.section() == section && !(r.outcome() instanceof Result.Skipped)).toList();
                assertThat(measured).as(m + " " + section).hasSize((int) settings.sizes().stream()
                        .filter(size -> size <= m.maxMessageBytes()).count() + 1);  // + the batched variant
            }
        }
        assertThat(results).filteredOn(r -> r.outcome() instanceof Result.Skipped)
                .allSatisfy(r -> assertThat(r.bytes()).isGreaterThan(MessageQueue.maxMessageBytes()));
        assertThat(results).filteredOn(r -> r.outcome() instanceof Result.Latency)
                .allSatisfy(r -> assertThat(((Result.Latency) r.outcome()).count()).isPositive());

        if (PythonSuite.find("").isPresent()) {
            assertThat(results).filteredOn(r -> r.language() == Language.PYTHON)
                    .extracting(Result::pair).contains("pipe", "pq");
        } else {
            assertThat(run.notes()).anySatisfy(note -> assertThat(note).contains("no python3"));
        }

        var csv = out.resolve("ipc-bench.csv");
        Report.csv(results, csv);
        assertThat(Files.readAllLines(csv)).first().isEqualTo(String.join(",", Report.CSV_HEADER));
        var notes = new ArrayList<String>();
        var written = Plot.write(results, out, Environment.now(), notes);
        assertThat(written).as("the plot (%s)", notes).containsExactly(out.resolve("ipc-bench.png"));
        assertThat(Files.readAllBytes(written.getFirst())).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
