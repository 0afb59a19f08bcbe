package ipclab.pipes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.FutureTask;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.ipc.NamedPipe;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/** FifoReceiver and FifoSender: a named pipe that two unrelated programs find by its path. */
@LabTest
@DisplayName("FifoReceiver and FifoSender: named pipes")
class FifoHiddenTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Points(3)
    @DisplayName("FifoSender's messages reach FifoReceiver through a FIFO with mode 0600, which is gone afterwards")
    void roundTripThroughAFifo(Lab lab) throws IOException {
        Path fifo = lab.freshFifoPath("chat");
        var receiver = lab.start(FifoReceiver.class, fifo.toString());
        awaitFifo(fifo, receiver);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo, LinkOption.NOFOLLOW_LINKS)))
                .as("the FIFO's permissions").isEqualTo("rw-------");
        var sender = lab.program(FifoSender.class).args(fifo.toString(), "hello", "two\nlines", "").run(LIMIT);
        assertThat(sender.status()).as("FifoSender's exit status" + SenderReceiverHiddenTest.errors(sender)).isZero();
        var received = receiver.finish(LIMIT);
        assertThat(received.status()).as("FifoReceiver's exit status" + SenderReceiverHiddenTest.errors(received)).isZero();
        assertThat(received.stdout()).isEqualTo("""
                Received the message: hello
                Received the message: two
                lines
                Received the message:\s
                """);
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as("the FIFO is still there after FifoReceiver exited").isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("FifoReceiver refuses a path where a regular file is (status 1) and leaves the file alone")
    void receiverRefusesAnOccupiedPath(Lab lab) throws IOException {
        assertRefusesARegularFile(lab, FifoReceiver.class);
    }

    @Test
    @Points(1)
    @DisplayName("FifoSender with no FIFO at the path: 'error: no named pipe at <path>', status 1, nothing created")
    void senderWithoutAFifo(Lab lab) {
        Path path = lab.freshFifoPath("nobody");
        var run = lab.program(FifoSender.class).args(path.toString(), "hello").run(LIMIT);
        assertThat(run).failedWith("error: no named pipe at " + path);
        assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).as("something was created at the path").isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("FifoSender refuses a regular file (status 1) and does not write into it")
    void senderRefusesARegularFile(Lab lab) throws IOException {
        assertRefusesARegularFile(lab, FifoSender.class, "hello");
    }

    @Test
    @Points(1)
    @DisplayName("FifoReceiver: the writer closing before END is an error (status 1), and the FIFO is removed")
    void receiverRemovesTheFifoWhenThePipeClosesBeforeEnd(Lab lab) throws IOException {
        Path fifo = lab.freshFifoPath("early");
        var receiver = lab.start(FifoReceiver.class, fifo.toString());
        awaitFifo(fifo, receiver);
        try (var writer = openForWriting(fifo, receiver)) {
            writer.write(Frames.bytes("hi"));
        }
        var run = receiver.finish(LIMIT);
        assertThat(run).failedWith("error: the pipe was closed before END").printed("Received the message: hi\n");
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as("the FIFO is still there after FifoReceiver exited").isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("FifoReceiver: a header of 0xFFFFFFFF is an error at once (status 1), and the FIFO is removed")
    void receiverRejectsAHugeHeader(Lab lab) throws IOException {
        Path fifo = lab.freshFifoPath("huge");
        var receiver = lab.start(FifoReceiver.class, fifo.toString());
        awaitFifo(fifo, receiver);
        try (var writer = openForWriting(fifo, receiver)) {
            writer.write(Frames.of(0xFF, 0xFF, 0xFF, 0xFF));
            writer.flush();
            int status = receiver.awaitExit(LIMIT);  // the writer is still open: no end of stream
            assertThat(new RunningProgram.Result(status, receiver.stdout(), receiver.stderr())).failedWith("error: ");
            assertThat(receiver.stderrLines().getFirst()).as("the error names the problem, not a Java exception")
                    .doesNotContain("Exception");
        }
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as("the FIFO is still there after FifoReceiver exited").isFalse();
    }

    @Test
    @Points(1)
    @DisplayName("FifoReceiver removes the FIFO when it is stopped with SIGTERM")
    @SuppressWarnings("try")  // the writer only holds the FIFO open
    void receiverRemovesTheFifoOnSigterm(Lab lab) throws IOException {
        Path fifo = lab.freshFifoPath("term");
        var receiver = lab.start(FifoReceiver.class, fifo.toString());
        awaitFifo(fifo, receiver);
        try (var writer = openForWriting(fifo, receiver)) {  // now it has the FIFO open and waits for a message
            receiver.signal("TERM");
            receiver.awaitExit(LIMIT);
        }
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as("the FIFO is still there after SIGTERM").isFalse();
    }

    /** Runs the program on a path where a regular file is: one error line naming the path, status 1, the file untouched. */
    private static void assertRefusesARegularFile(Lab lab, Class<?> program, String... messages) throws IOException {
        Path path = lab.freshFifoPath("plain");
        Files.writeString(path, "not a pipe");
        try {
            var run = lab.program(program).args(path.toString()).args(messages).run(LIMIT);
            assertThat(run).failedWith("error: ");
            assertThat(run.stderrLines().getFirst()).as("the error line names the path").contains(path.toString());
            assertThat(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).as("the file is still a regular file").isTrue();
            assertThat(Files.readString(path)).as("the file's content").isEqualTo("not a pipe");
        } finally {
            Files.deleteIfExists(path);
        }
    }

    /** Waits until the receiver has made its FIFO. */
    private static void awaitFifo(Path fifo, RunningProgram receiver) {
        try {
            await().atMost(Timing.scaled(LIMIT)).pollInterval(Duration.ofMillis(10))
                    .until(() -> NamedPipe.isNamedPipe(fifo) || !receiver.isAlive());
        } catch (ConditionTimeoutException e) {
            fail("FifoReceiver made no FIFO at " + fifo + " within " + LIMIT.toSeconds() + " s" + receiver.context());
        }
        if (!NamedPipe.isNamedPipe(fifo)) fail("FifoReceiver exited without a FIFO at " + fifo + receiver.context());
    }

    /**
     * Opens the FIFO for writing, which waits until a reader opens it. The wait runs on its own
     * thread so that a receiver that exits without ever opening its FIFO fails the test instead
     * of hanging it.
     */
    private static OutputStream openForWriting(Path fifo, RunningProgram receiver) {
        var opening = new FutureTask<>(() -> Files.newOutputStream(fifo, StandardOpenOption.WRITE));
        Thread.ofPlatform().daemon().name("test-fifo-writer").start(opening);
        try {
            await().atMost(Timing.scaled(LIMIT)).pollInterval(Duration.ofMillis(10))
                    .until(() -> opening.isDone() || !receiver.isAlive());
            if (!opening.isDone()) fail("FifoReceiver exited without opening its FIFO" + receiver.context());
            return opening.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("FifoReceiver did not open its FIFO within " + LIMIT.toSeconds() + " s" + receiver.context());
        } catch (Exception e) {
            throw new AssertionError("cannot open the FIFO " + fifo + " for writing: " + e + receiver.context());
        }
    }
}
