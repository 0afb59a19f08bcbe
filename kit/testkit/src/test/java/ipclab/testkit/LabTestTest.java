package ipclab.testkit;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineTestKit;

import ipclab.ipc.MessageQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** One test at a time: each reads what its scenario left in {@link Scenarios}' static fields. */
@LabTest
@Execution(ExecutionMode.SAME_THREAD)
class LabTestTest {

    /** Tests run by the tests below through the JUnit engine, to see how the extension judges them. */
    @LabTest
    static class Scenarios {
        static int lastKey;
        static ProcessHandle lastOrphan;

        @Test
        void leavesAQueue(Lab lab) {
            lastKey = lab.freshKey();
            var run = lab.program(Fixture.class).args("leave-queue", Integer.toString(lastKey + 3)).run(Duration.ofSeconds(60));
            assertThat(run.status()).isZero();
        }

        @Test
        void leavesASegment(Lab lab) {
            assertThat(lab.program(Fixture.class).args("leave-segment").run(Duration.ofSeconds(60)).status()).isZero();
            assertThat(lab.segmentsNow()).hasSize(1);
        }

        @Test
        void leavesAChildRunning(Lab lab) {
            var program = lab.start(Fixture.class, "leave-child");
            program.awaitStdoutLine("started", Duration.ofSeconds(60));
            program.closeStdin();
            assertThat(program.awaitExit(Duration.ofSeconds(60))).isZero();
            lastOrphan = lab.processesNow().getFirst();
        }

        @Test
        void leavesAFifo(Lab lab) {
            var fifo = lab.freshFifoPath("f");
            assertThat(lab.program(Fixture.class).args("make-fifo", fifo.toString()).run(Duration.ofSeconds(60)).status()).isZero();
        }

        @Test
        void isKilledWhileRunning(Lab lab) {
            lab.start(Fixture.class, "leave-child").awaitStdoutLine("started", Duration.ofSeconds(60));
        }
    }

    private static org.junit.platform.testkit.engine.Events run(String method) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(Scenarios.class, method, Lab.class.getName()))
                .execute().testEvents();
    }

    @Test
    void aQueueLeftInTheReservedBlockFailsTheTestAndIsRemoved() {
        run("leavesAQueue").assertThatEvents().haveExactly(1, event(test("leavesAQueue"),
                finishedWithFailure(message(m -> m.contains("a message queue with key " + (Scenarios.lastKey + 3))))));
        assertThat(MessageQueue.exists(Scenarios.lastKey + 3)).isFalse();
    }

    @Test
    void aSegmentLeftFailsTheTest() {
        run("leavesASegment").assertThatEvents().haveExactly(1, event(test("leavesASegment"),
                finishedWithFailure(message(m -> m.contains("a shared-memory segment ipclab-leak-")))));
    }

    @Test
    void anOrphanedChildFailsTheTestAndIsKilled() {
        run("leavesAChildRunning").assertThatEvents().haveExactly(1, event(test("leavesAChildRunning"),
                finishedWithFailure(message(m -> m.contains("a process still running after its parent ended")))));
        assertThat(Scenarios.lastOrphan.isAlive()).isFalse();
    }

    @Test
    void aFifoLeftFailsTheTest() {
        run("leavesAFifo").assertThatEvents().haveExactly(1, event(test("leavesAFifo"),
                finishedWithFailure(message(m -> m.contains("a named pipe f-")))));
    }

    @Test
    void programsStillRunningAtTheEndAreKilledWithTheirChildrenWithoutBlame() {
        run("isKilledWhileRunning").assertThatEvents().haveExactly(1, event(test("isKilledWhileRunning"), finishedSuccessfully()));
    }

    @Test
    void freshKeysAreDistinctBlocksWithNoQueue(Lab lab) {
        int a = lab.freshKey();
        int b = lab.freshKey();
        assertThat(Math.abs(a - b)).isGreaterThanOrEqualTo(Lab.KEY_BLOCK);
        assertThat(lab.queueExists(a)).isFalse();
        assertThat(lab.freshSegmentPath("x")).doesNotExist().isNotEqualTo(lab.freshSegmentPath("x"));
    }

    @Test
    void aProgramsOutputAndStatusAreCaptured(Lab lab) {
        var program = lab.start(Fixture.class, "echo", "3");
        program.writeLine("one");
        assertThat(program.awaitStdoutLine(l -> l.startsWith("echo"), Duration.ofSeconds(60))).isEqualTo("echo one");
        program.writeLine("two ✓");
        var result = program.finish(Duration.ofSeconds(60));
        assertThat(result.status()).isEqualTo(3);
        assertThat(result.stdoutLines()).containsExactly("echo one", "echo two ✓");
        assertThat(result.stderr()).isEqualTo("done\n");
    }

    @Test
    void aWaitThatRunsOutSaysWhatTheProgramPrinted(Lab lab) {
        var program = lab.start(Fixture.class, "echo", "0");
        program.writeLine("hello");
        program.awaitStdoutLine("echo hello", Duration.ofSeconds(60));  // the short wait below counts from here, not from the start
        assertThatThrownBy(() -> program.awaitStdoutLine("never", Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("printed no matching line on stdout").hasMessageContaining("echo hello");
        assertThatThrownBy(() -> program.awaitExit(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not exit");
    }

    @Test
    void outputIsCappedAndTheRestCounted(Lab lab) {
        var result = lab.program(Fixture.class).args("flood").run(Duration.ofSeconds(60));
        assertThat(result.status()).isZero();
        assertThat(result.stdout()).hasSize(Output.CAP_BYTES);
    }

    @Test
    void sigtermReachesTheProgram(Lab lab) {
        var program = lab.start(Fixture.class, "wait");
        program.signal("TERM");
        assertThat(program.awaitExit(Duration.ofSeconds(60))).isEqualTo(143);
    }
}
