package ipclab.ipc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(90)
class CliTest {
    @Test
    void argsSplitPositionalsAndOptions() {
        var args = Cli.Args.parse(new String[] {"a", "--key", "0x10", "-5"}, "usage: x", "--key");
        assertThat(args.positional()).containsExactly("a", "-5");
        assertThat(args.key()).isEqualTo(16);
        assertThat(Cli.Args.parse(new String[] {"--key=77"}, "usage: x", "--key").key()).isEqualTo(77);
        assertThat(Cli.Args.parse(new String[0], "usage: x", "--key").key()).isEqualTo(128);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> Cli.Args.parse(new String[] {"--nope"}, "usage: x", "--key"))
                .isInstanceOf(Cli.UsageException.class).hasMessageStartingWith("usage: x");
        assertThatThrownBy(() -> Cli.Args.parse(new String[] {"--key"}, "usage: x", "--key"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Cli.Args.parse(new String[] {"a", "b"}, "usage: x").positional(0, 1))
                .isInstanceOf(Cli.UsageException.class);
        assertThatThrownBy(() -> Cli.parseKey("0")).hasMessageStartingWith("error: a key");
        assertThatThrownBy(() -> Cli.parseKey("ten")).hasMessageStartingWith("error: a key");
        assertThat(Cli.parseKey("0x7fffffff")).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> Cli.integer("94", "n", 0, 93)).hasMessage("error: n must be an integer from 0 to 93, got '94'");
    }

    @Test
    void programsExitWithTheDocumentedStatusAndOneLine() throws Exception {
        int key = Children.freshKey();
        record Case(List<String> args, int status, String stdout, String stderr) {
        }
        var cases = List.of(
                new Case(List.of("ok", "--key", "0x20"), 0, "key 32\n", ""),
                new Case(List.of("range", "93"), 0, "n 93\n", ""),
                new Case(List.of("range", "x"), 2, "", "error: n must be an integer from 0 to 93, got 'x'\n"),
                new Case(List.of(), 2, "", "usage: CliProgram <what> [n] [--key K]\n"),
                new Case(List.of("fail"), 1, "", "error: it went wrong\n"),
                new Case(List.of("crash"), 1, "", "error: java.lang.IllegalStateException: surprise\n"),
                new Case(List.of("queue", "--key", Integer.toString(key)), 1, "", "error: no message queue with key " + key + "\n"));
        try (var children = new Children()) {
            var started = cases.stream().map(c -> children.start(CliProgram.class, c.args().toArray(String[]::new))).toList();
            for (int i = 0; i < cases.size(); i++) {
                var c = cases.get(i);
                var p = started.get(i);
                assertThat(Children.exitStatus(p)).as(c.args().toString()).isEqualTo(c.status());
                assertThat(Children.stdout(p)).as(c.args().toString()).isEqualTo(c.stdout());
                assertThat(Children.stderr(p)).as(c.args().toString()).isEqualTo(c.stderr());
            }
        }
    }

    @Test
    void whatIsRegisteredIsRemovedOnSigterm() throws Exception {
        int key = Children.freshKey();
        try (var children = new Children()) {
            var program = children.start(CliProgram.class, "cleanup", "--key", Integer.toString(key));
            var out = new BufferedReader(new InputStreamReader(program.getInputStream()));
            assertThat(out.readLine()).isEqualTo("created");
            assertThat(MessageQueue.exists(key)).isTrue();
            Children.signal(program, "TERM");
            Children.exitStatus(program);
            assertThat(MessageQueue.exists(key)).isFalse();
            assertThat(Children.stderr(program)).isEmpty();
        } finally {
            MessageQueue.removeIfExists(key);
        }
    }

    @Test
    void aChildStartedJustBeforeASignalIsKilledWithTheProgram() throws Exception {
        try (var children = new Children()) {
            var program = children.start(CliProgram.class, "child");
            var out = new BufferedReader(new InputStreamReader(program.getInputStream()));
            String line = out.readLine();
            assertThat(line).startsWith("started ");
            var child = ProcessHandle.of(Long.parseLong(line.substring("started ".length())));
            assertThat(child).hasValueSatisfying(c -> assertThat(c.isAlive()).isTrue());
            Children.signal(program, "INT");  // the program registered no cleanup for its child
            Children.exitStatus(program);
            child.ifPresent(c -> c.onExit().join());  // killed by the program's exit, or this waits until @Timeout
            assertThat(Children.stderr(program)).isEmpty();
        }
    }

    @Test
    void noChildStartsOnceASignalBeganTheCleanup() throws Exception {
        try (var children = new Children()) {
            var program = children.start(CliProgram.class, "start-while-exiting");
            var out = new BufferedReader(new InputStreamReader(program.getInputStream()));
            assertThat(out.readLine()).isEqualTo("ready");
            Children.signal(program, "TERM");
            assertThat(out.readLine()).startsWith("refused: ");
            Children.exitStatus(program);
            assertThat(Children.stderr(program)).isEmpty();
        }
    }
}
