package ipclab.grader;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.sandbox.Limits;
import ipclab.grader.score.ExpectedTest;

import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each lab carries, for the student's self-check, the points of its hidden tests (which are not
 * in the handout) in {@code src/test/resources/ipclab-selfcheck.properties}: the number must be
 * the sum of the hidden tests' {@code @Points} as the grader finds them.
 */
@Timeout(600)
class SelfCheckDataTest {
    @TempDir
    Path work;

    @Test
    void everyLabStatesItsNameAndTheRightHiddenPoints() throws IOException {
        var kit = Fixtures.realKit();
        var pipeline = Fixtures.pipeline(kit, Limits.defaults(), work.resolve("work"), work.resolve("cache"));
        var softly = new SoftAssertions();
        for (var lab : kit.labs()) {
            Path data = lab.dir().resolve("src/test/resources/ipclab-selfcheck.properties");
            assertThat(data).as(lab.name()).isRegularFile();
            var properties = new Properties();
            try (Reader in = Files.newBufferedReader(data)) {
                properties.load(in);
            }
            int hidden = pipeline.prepare(lab).tests().stream()
                    .filter(t -> Files.isRegularFile(lab.hiddenTests().resolve(t.className().replace('.', '/') + ".java")))
                    .mapToInt(ExpectedTest::points).sum();
            softly.assertThat(properties.getProperty("lab")).as(lab.name()).isEqualTo(lab.name());
            softly.assertThat(properties.getProperty("hidden.points")).as(lab.name() + ": hidden.points in " + data).isEqualTo(Integer.toString(hidden));
        }
        softly.assertAll();
    }
}
