package ipclab.pipes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/** PipeDemo: Sender and Receiver as two child processes joined by one anonymous pipe. */
@LabTest
@DisplayName("PipeDemo: two processes, one pipe")
class PipeDemoHiddenTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String DEFAULT_OUTPUT = """
            Received the message: hello
            Received the message: hey
            Received the message: hru?
            """;

    @Test
    @Points(2)
    @DisplayName("PipeDemo prints what the receiver prints, and nothing of its own")
    void printsWhatTheReceiverPrints(Lab lab) {
        var run = lab.program(PipeDemo.class).run(LIMIT);
        assertThat(run.status()).as("exit status" + SenderReceiverHiddenTest.errors(run)).isZero();
        assertThat(run.stdout()).isEqualTo(DEFAULT_OUTPUT);
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("PipeDemo hands its arguments to the sender as the messages")
    void sendsItsArguments(Lab lab) {
        var run = lab.program(PipeDemo.class).args("first message", "two\nlines", "last").run(LIMIT);
        assertThat(run.status()).as("exit status" + SenderReceiverHiddenTest.errors(run)).isZero();
        assertThat(run.stdout()).isEqualTo("""
                Received the message: first message
                Received the message: two
                lines
                Received the message: last
                """);
    }

    /**
     * Proof by the kernel's own records: the sender's fd 1 and the receiver's fd 0 are links to
     * the same {@code pipe:[inode]} in /proc (an inode number is not reused while anyone holds
     * the pipe, so the two may be read at different moments). A PipeDemo that
     * copies bytes between two pipes of its own shows two inodes; one that runs the two sides
     * as threads has no such children. The sender holds the pipe from its start until it closes
     * stdout, a JVM start-up (a tenth of a second or more); the children are looked at every few
     * milliseconds (caught in 60 runs of 60 on a 2-core machine at load 40), and a run in which
     * they were not caught proves nothing either way and is repeated.
     */
    @Test
    @Points(3)
    @DisplayName("the sender and the receiver are two child processes, the sender's stdout and the receiver's stdin one pipe")
    void senderAndReceiverAreTwoProcessesOnOnePipe(Lab lab) {
        for (int run = 1; run <= 3; run++) {
            var demo = lab.start(PipeDemo.class, "through", "one pipe");
            var seen = watchTheChildren(demo);
            var result = demo.finish(LIMIT);
            assertThat(result.status()).as("exit status" + SenderReceiverHiddenTest.errors(result)).isZero();
            assertThat(result.stdout()).isEqualTo("Received the message: through\nReceived the message: one pipe\n");
            if (seen.isPresent()) {
                var children = seen.get();
                assertThat(children.receiverStdin())
                        .as("the receiver's stdin (it must be the very pipe the sender writes to: %s)", children.senderStdout())
                        .isEqualTo(children.senderStdout());
                return;
            }
        }
        fail("in three runs, PipeDemo was never seen with a Sender child writing into a pipe and a Receiver child"
                + " reading from one: start both as child JVMs (ChildJvm.builder) joined with ProcessBuilder.startPipeline");
    }

    @Test
    @Points(2)
    @DisplayName("PipeDemo exits 1 with an error line when a side fails (here the receiver stops at END and the sender's pipe breaks)")
    void exitsOneWhenASideFails(Lab lab) {
        // The receiver stops at the first message, END; the sender still has 300 kB to write,
        // far more than a pipe (64 KiB) and a reader's buffer hold, and finds the pipe broken:
        // it must fail, and PipeDemo with it.
        var args = new ArrayList<String>(List.of("END"));
        for (int i = 0; i < 3; i++) args.add(Character.toString('a' + i).repeat(100_000));
        var run = lab.program(PipeDemo.class).args(args).run(LIMIT);
        assertThat(run.status()).as("exit status of PipeDemo" + SenderReceiverHiddenTest.errors(run)).isEqualTo(1);
        assertThat(run.stdout()).as("the receiver printed nothing: END came first").isEmpty();
        assertThat(run.stderrLines()).as("stderr").anyMatch(line -> line.startsWith("error: "))
                .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
    }

    private record Children(String senderStdout, String receiverStdin) {
    }

    /**
     * Looks at PipeDemo's descendants until it has seen the Sender's stdout and the Receiver's
     * stdin while each was still a pipe (not necessarily at the same moment: a pipe keeps its
     * inode number for as long as anyone holds it), or until PipeDemo ends.
     */
    private static Optional<Children> watchTheChildren(RunningProgram demo) {
        var senderStdout = new AtomicReference<String>();
        var receiverStdin = new AtomicReference<String>();
        try {
            await().atMost(Timing.scaled(LIMIT)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        for (var process : demo.handle().descendants().toList()) {
                            var args = process.info().arguments().map(List::of).orElse(List.of());
                            if (args.contains(Sender.class.getName())) senderStdout.compareAndSet(null, pipeAt(process.pid(), 1));
                            if (args.contains(Receiver.class.getName())) receiverStdin.compareAndSet(null, pipeAt(process.pid(), 0));
                        }
                        return (senderStdout.get() != null && receiverStdin.get() != null) || !demo.isAlive();
                    });
        } catch (ConditionTimeoutException e) {
            fail("PipeDemo ran for " + LIMIT.toSeconds() + " s without a Sender and a Receiver child" + demo.context());
        }
        if (senderStdout.get() == null || receiverStdin.get() == null) return Optional.empty();
        return Optional.of(new Children(senderStdout.get(), receiverStdin.get()));
    }

    /**
     * The pipe the process's file descriptor refers to, e.g. {@code pipe:[123456]}; null if it is
     * something else or gone. (A Java program that closes stdin or stdout gets /dev/null in its
     * place: the JDK never frees fds 0-2.)
     */
    private static String pipeAt(long pid, int fd) {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
            return link.startsWith("pipe:") ? link : null;
        } catch (IOException e) {
            return null;
        }
    }
}
