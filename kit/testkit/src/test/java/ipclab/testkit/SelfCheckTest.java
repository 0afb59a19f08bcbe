package ipclab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** The self-check table, from a real JUnit run of a sample class through the listener. */
class SelfCheckTest {
    @TempDir
    Path dir;

    /** What a lab's public tests could be: run only through {@link #run}. */
    static class Sample {
        @Test
        @Points(2)
        void passes() {
        }

        @Test
        @Points(3)
        void fails() {
            assertThat(41).as("the answer").isEqualTo(42);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void failsForTwo(int n) {
            assertThat(n).isEqualTo(1);
        }
    }

    private String run(Path summary, Properties data) {
        return run(summary, data, Hints.NONE);
    }

    private String run(Path summary, Properties data, Hints hints) {
        var text = new ByteArrayOutputStream();
        var listener = new SelfCheck(new PrintStream(text, true, StandardCharsets.UTF_8), summary == null ? null : summary.toString(), data,
                hints);
        var launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(request().selectors(selectClass(Sample.class)).build(), listener);
        return text.toString(StandardCharsets.UTF_8);
    }

    private static Properties lab() {
        var data = new Properties();
        data.setProperty("lab", "lab9-sample");
        data.setProperty("hidden.points", "40");
        return data;
    }

    @Test
    void printsEachPublicTestItsPointsTheHiddenPointsAndHowToRerunAFailure() {
        String text = run(null, lab());
        assertThat(text).contains("lab9-sample: 1 of 3 public tests passed, 2 / 6 points")
                .contains("pass  2/2  passes()", "FAIL  0/3  fails()", "FAIL  0/1  failsForTwo(int)")
                .contains("40 more points are graded by hidden tests.")
                .contains("fails(): [the answer] expected: 42 but was: 41")
                .contains("run it alone: ./mvnw test -pl labs/lab9-sample -am -Dtest=SelfCheckTest$Sample#fails")
                .doesNotContain("at ipclab.", "AssertionFailedError");
    }

    @Test
    void writesTheGitHubJobSummaryAsAMarkdownTable() throws Exception {
        Path summary = dir.resolve("summary.md");
        run(summary, lab());
        String markdown = Files.readString(summary);
        assertThat(markdown).startsWith("### lab9-sample: 2 / 6 public points")
                .contains("| ✅ | passes() | 2 / 2 |", "| ❌ | fails() | 0 / 3 |", "40 more points are graded by hidden tests.");
    }

    @Test
    void aFailureTheLabsHintsRecogniseCarriesItsHint() throws Exception {
        var hints = Hints.read(new java.io.StringReader("""
                # the answer
                fails\\(\\).*expected: (\\d+)\tThe answer is {1}: look again.
                """), "test");
        assertThat(run(null, lab(), hints))
                .contains("fails(): [the answer] expected: 42 but was: 41\n  hint: The answer is 42: look again.\n");
    }

    @Test
    void hintsNameTheLineThatIsNotAHint() {
        assertThatThrownBy(() -> Hints.read(new java.io.StringReader("a signature without text\n"), "lab/hints.tsv"))
                .hasMessage("lab/hints.tsv:1: a hint is a signature, a tab, and the text");
        assertThatThrownBy(() -> Hints.read(new java.io.StringReader("(unclosed\thint\n"), "lab/hints.tsv"))
                .hasMessageStartingWith("lab/hints.tsv:1: the signature is not a regular expression");
    }

    @Test
    void saysNothingInAModuleThatIsNotALab() {
        assertThat(run(null, new Properties())).isEmpty();
    }
}
