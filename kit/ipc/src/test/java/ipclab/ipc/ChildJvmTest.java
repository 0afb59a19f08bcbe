package ipclab.ipc;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ChildJvmTest {
    @Test
    void theChildRunsTheClassWithItsArgumentsAndPipes() throws Exception {
        try (var children = new Children()) {
            var child = children.start(Hello.class, "3", "two words");
            child.getOutputStream().write("from the parent".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().close();
            assertThat(Children.exitStatus(child)).isEqualTo(3);
            assertThat(Children.stdout(child)).isEqualTo("3 two words | from the parent\n");
            assertThat(Children.stderr(child)).isEmpty();  // no native-access warning either
        }
    }

    @Test
    void theChildIsAnotherProcessOfTheSameJdkAndClasspath() {
        var command = ChildJvm.command("x.Main", java.util.List.of("a"));
        assertThat(command.getFirst()).startsWith(System.getProperty("java.home"));
        assertThat(command).contains("--enable-native-access=ALL-UNNAMED", System.getProperty("java.class.path"));
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("x.Main", "a");
    }
}
