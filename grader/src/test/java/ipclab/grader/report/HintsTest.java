package ipclab.grader.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import ipclab.grader.Fixtures;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Hints;
import ipclab.testkit.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labs' hints (labs/&lt;lab&gt;/src/test/resources/ipclab-hints.tsv) parse, recognise the
 * failures they are for in the words the kit's tests and library use, and reach the feedback,
 * a hidden test's too, without its message.
 */
class HintsTest {
    private static Hints lab(String name) {
        return Hints.ofLab(Fixtures.realKit().root().resolve("labs").resolve(name));
    }

    @Test
    void everyLabHasHintsThatParse() {
        for (var lab : Fixtures.realKit().labs()) assertThat(Hints.ofLab(lab.dir()).hints()).as(lab.name()).isNotEmpty();
    }

    @Test
    void eachCommonFailureGetsItsHint() {
        var lab2 = lab("lab2-time-server-mq");
        var lab3 = lab("lab3-pipes");
        var lab1 = lab("lab1-fibonacci-shm");
        String leftBehind = "the program left behind (the test removed it now): ";
        assertThat(lab2.hintFor("t", "ipclab.ipc.IpcException$QueueRemovedException: the message queue was removed")).get().asString()
                .contains("EIDRM");
        assertThat(lab2.hintFor("t", "msgrcv: No message of desired type")).get().asString().contains("ENOMSG");
        assertThat(lab2.hintFor("t", leftBehind + "a message queue with key 268435520. A program must")).get().asString()
                .contains("ipcrm -Q 268435520");
        assertThat(lab1.hintFor("t", leftBehind + "a shared-memory segment fib-12ab. A program must")).get().asString()
                .contains("rm /dev/shm/fib-12ab");
        assertThat(lab3.hintFor("a 1 MiB message crosses a real pipe whole, though the pipe delivers it in pieces", "expected: 1048576"))
                .get().asString().contains("readNBytes");
        assertThat(lab3.hintFor("Receiver", "Receiver did not exit within 30 s\n  (still running)")).get().asString().contains("write end");
        assertThat(lab3.hintFor("SquareClient 1000000 finishes with the exact sum (writing all before reading would deadlock)",
                "SquareClient did not exit within 60 s")).get().asString().contains("deadlock");
        assertThat(lab1.hintFor("t", leftBehind + "a process still running after its parent ended: 1234 java")).get().asString()
                .contains("waitFor");
        assertThat(lab1.hintFor("t",
                "java.lang.IllegalCallerException: Illegal native access from: unnamed module; use --enable-native-access")).get()
                .asString().contains("ChildJvm");
        assertThat(lab1.hintFor("t", "expected: 0 but was: 1")).isEmpty();
    }

    @Test
    void theFeedbackShowsTheHintOfAHiddenTestButNotItsMessage() {
        var test = new ExpectedTest("uid", "ipclab.timeserver.TimeServerHiddenTest", "m", "TimeServer serves many clients", 3,
                Visibility.Level.HIDDEN);
        var outcome = new TestOutcome(test, Verdict.FAILED, "secret input 4242: the message queue was removed", 10);
        var grade = new LabGrade("lab2-time-server-mq", LabStatus.GRADED, 0, 3, List.of(outcome), "", "", List.of(), Timings.NONE, "k");
        String feedback = Feedback.render(new StudentGrade("ada", List.of(grade)), false, l -> lab(l));
        assertThat(feedback)
                .contains("a hidden test: its details are not shown", "Hint: The queue was removed while a program still used it (EIDRM)")
                .doesNotContain("secret input 4242");
    }
}
