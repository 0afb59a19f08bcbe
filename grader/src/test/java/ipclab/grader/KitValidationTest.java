package ipclab.grader;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ipclab.grader.submission.LabSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit proves its own tests, as {@code ./grade validate} does: for every real lab, the
 * solution scores full marks, the starter compiles and fails the hidden tests, and every wrong
 * solution ({@code solutions/<lab>/wrong/*.patch}) fails the tests it lists. Run in the sandbox,
 * as a class would be graded.
 */
class KitValidationTest {
    @TempDir
    static Path temp;

    static Stream<String> labs() {
        return Fixtures.realKit().labs().stream().map(LabSpec::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    @Timeout(1800)
    void theLabsTestsPassTheSolutionAndCatchTheStarterAndEveryWrongSolution(String lab) {
        var spec = Fixtures.realKit().labs().stream().filter(l -> l.name().equals(lab)).findFirst().orElseThrow();
        var pipeline = Fixtures.pipeline(Fixtures.realKit(), ipclab.grader.sandbox.Limits.defaults(),
                temp.resolve(spec.name() + "-work"), temp.resolve(spec.name() + "-cache"));
        var report = Validation.run(pipeline, pipeline.prepare(spec), 2);
        assertThat(report.sound()).as(report.toString()).isTrue();
    }
}
