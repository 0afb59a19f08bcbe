package ipclab.pipes;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.ipc.NamedPipe;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A first check of the programs, each run as its own JVM: {@code ./mvnw test -pl labs/lab3-pipes}. */
@LabTest
@DisplayName("the programs (public checks)")
class ProgramsPublicTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String COURSE_OUTPUT = """
            Received the message: hello
            Received the message: hey
            Received the message: hru?
            """;

    @Test
    @DisplayName("Sender's output, given to Receiver as input, prints the course's three messages")
    void senderToReceiver(Lab lab) {
        var sent = lab.program(Sender.class).run(LIMIT);
        assertThat(sent.status()).as("Sender's exit status; stderr: " + sent.stderr()).isZero();
        assertThat(sent.stdout()).as("Sender's output: frames of hello, hey, hru? and END")
                .isEqualTo("\0\0\0\u0005hello\0\0\0\u0003hey\0\0\0\u0004hru?\0\0\0\u0003END");
        var received = lab.program(Receiver.class).run(sent.stdout(), LIMIT);
        assertThat(received.status()).as("Receiver's exit status; stderr: " + received.stderr()).isZero();
        assertThat(received.stdout()).isEqualTo(COURSE_OUTPUT);
    }

    @Test
    @DisplayName("PipeDemo prints the course's three messages")
    void pipeDemo(Lab lab) {
        var run = lab.program(PipeDemo.class).run(LIMIT);
        assertThat(run.status()).as("exit status; stderr: " + run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(COURSE_OUTPUT);
    }

    @Test
    @DisplayName("SquareClient 10 prints 385")
    void squareClient(Lab lab) {
        var run = lab.program(SquareClient.class).args("10").run(LIMIT);
        assertThat(run.status()).as("exit status; stderr: " + run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("sum of squares 1..10 = 385\n");
    }

    @Test
    @DisplayName("FifoSender's messages reach FifoReceiver, and the FIFO is removed")
    void namedPipe(Lab lab) {
        var fifo = lab.freshFifoPath("public");
        var receiver = lab.start(FifoReceiver.class, fifo.toString());
        await().atMost(LIMIT).until(() -> NamedPipe.isNamedPipe(fifo) || !receiver.isAlive());
        var sender = lab.program(FifoSender.class).args(fifo.toString(), "hi", "there").run(LIMIT);
        assertThat(sender.status()).as("FifoSender's exit status; stderr: " + sender.stderr()).isZero();
        var received = receiver.finish(LIMIT);
        assertThat(received.status()).as("FifoReceiver's exit status; stderr: " + received.stderr()).isZero();
        assertThat(received.stdout()).isEqualTo("Received the message: hi\nReceived the message: there\n");
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).as("the FIFO still exists").isFalse();
    }
}
