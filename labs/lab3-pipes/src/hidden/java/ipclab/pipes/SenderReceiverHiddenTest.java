package ipclab.pipes;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Sender and Receiver as programs: frames on stdout, frames on stdin, errors and exit status. */
@LabTest
@DisplayName("Sender and Receiver: the two ends of a one-way pipe")
class SenderReceiverHiddenTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Points(2)
    @DisplayName("Sender with no arguments writes the frames of hello, hey, hru? and END on stdout")
    void senderSendsTheCourseMessagesByDefault(Lab lab) {
        var run = lab.program(Sender.class).run(LIMIT);
        assertThat(run.status()).as("exit status" + errors(run)).isZero();
        assertThat(run.stdout()).isEqualTo(Frames.text("hello", "hey", "hru?", "END"));
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("Sender sends each argument as one message, then END")
    void senderSendsEachArgument(Lab lab) {
        var run = lab.program(Sender.class).args("one two", "line\nbreak", "", "-", "-7").run(LIMIT);
        assertThat(run.status()).as("exit status" + errors(run)).isZero();
        assertThat(run.stdout()).isEqualTo(Frames.text("one two", "line\nbreak", "", "-", "-7", "END"));
    }

    @Test
    @Points(2)
    @DisplayName("Receiver prints each message until END and then exits by itself, even with the pipe still open")
    void receiverPrintsEachMessageUntilEnd(Lab lab) {
        var receiver = lab.start(Receiver.class);
        receiver.write(Frames.text("hello", "two\nlines", "", "END", "after END: not printed"));
        int status = receiver.awaitExit(LIMIT);  // stdin is still open
        assertThat(status).as("exit status" + receiver.context()).isZero();
        assertThat(receiver.stdout()).isEqualTo("""
                Received the message: hello
                Received the message: two
                lines
                Received the message:\s
                """);
        assertThat(receiver.stderr()).isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("Receiver: the pipe closed before END is an error (status 1), after printing what came")
    void receiverFailsWhenThePipeClosesBeforeEnd(Lab lab) {
        var run = lab.program(Receiver.class).run(Frames.text("hello", "hey"), LIMIT);
        assertThat(run).failedWith("error: the pipe was closed before END")
                .printed("Received the message: hello\nReceived the message: hey\n");
    }

    @Test
    @Points(1)
    @DisplayName("Receiver: a frame cut short is one error line and status 1, no stack trace")
    void receiverReportsAFrameCutShort(Lab lab) {
        var run = lab.program(Receiver.class).run(Frames.text("whole") + "\0\0\0\nhal", LIMIT);
        assertThat(run).failedWith("error: ").printed("Received the message: whole\n");
    }

    @Test
    @Points(1)
    @DisplayName("Receiver: a header announcing more than 16 MiB is an error at once, without waiting for the body")
    void receiverRejectsAnOversizedFrameAtOnce(Lab lab) {
        var receiver = lab.start(Receiver.class);
        receiver.write("\u0001\0\0\u0001");  // 16 MiB + 1; stdin stays open, no body follows
        int status = receiver.awaitExit(LIMIT);  // before stdin is closed
        assertThat(new RunningProgram.Result(status, receiver.stdout(), receiver.stderr())).failedWith("error: ");
        assertThat(receiver.stderrLines().getFirst()).as("the error names the problem, not a Java exception")
                .doesNotContain("Exception");
    }

    static String errors(RunningProgram.Result run) {
        return run.stderr().isEmpty() ? "" : " (stderr: " + run.stderr().strip() + ")";
    }
}
