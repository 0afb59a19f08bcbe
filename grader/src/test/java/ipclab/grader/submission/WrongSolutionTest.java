package ipclab.grader.submission;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrongSolutionTest {
    private static final String SOLUTION = """
            package ipclab.echo;

            final class Adder {
                static long add(long a, long b) {
                    return a + b;
                }
            }
            """;

    private static final String PATCH = """
            Adds one too many: every sum is off by one.

            Expected failures:
              EchoPublicTest#addsTwoNumbers
              EchoHiddenTest#addsManyPairs

            --- a/ipclab/echo/Adder.java
            +++ b/ipclab/echo/Adder.java
            @@ -3,5 +3,5 @@
             final class Adder {
                 static long add(long a, long b) {
            -        return a + b;
            +        return a + b + 1;
                 }
             }
            --- /dev/null
            +++ b/ipclab/echo/Extra.java
            @@ -0,0 +1,2 @@
            +package ipclab.echo;
            +final class Extra {}
            """;

    @TempDir
    Path dir;

    private static SourceSet solution(String adder) {
        return new SourceSet(Map.of("ipclab/echo/Adder.java", adder.getBytes(StandardCharsets.UTF_8)), java.util.List.of());
    }

    @Test
    void theHeaderGivesTheExplanationAndTheTestsThatMustFail() throws Exception {
        var wrong = WrongSolution.read(Files.writeString(dir.resolve("off-by-one.patch"), PATCH));
        assertThat(wrong.name()).isEqualTo("off-by-one");
        assertThat(wrong.explanation()).isEqualTo("Adds one too many: every sum is off by one.");
        assertThat(wrong.expectedFailures()).containsExactly("EchoPublicTest#addsTwoNumbers", "EchoHiddenTest#addsManyPairs");
    }

    @Test
    void applyingThePatchChangesTheSolutionAndAddsNewFiles() throws Exception {
        var wrong = WrongSolution.read(Files.writeString(dir.resolve("off-by-one.patch"), PATCH));
        var broken = wrong.applyTo(solution(SOLUTION));
        assertThat(broken.files()).containsOnlyKeys("ipclab/echo/Adder.java", "ipclab/echo/Extra.java");
        assertThat(new String(broken.files().get("ipclab/echo/Adder.java"), StandardCharsets.UTF_8))
                .isEqualTo(SOLUTION.replace("return a + b;", "return a + b + 1;"));
    }

    @Test
    void aPatchThatNoLongerAppliesIsNamedInTheError() throws Exception {
        var wrong = WrongSolution.read(Files.writeString(dir.resolve("off-by-one.patch"), PATCH));
        var changed = solution(SOLUTION.replace("return a + b;", "return Math.addExact(a, b);"));
        assertThatThrownBy(() -> wrong.applyTo(changed))
                .hasMessageContaining("off-by-one.patch no longer applies to the solution's ipclab/echo/Adder.java");
    }
}
