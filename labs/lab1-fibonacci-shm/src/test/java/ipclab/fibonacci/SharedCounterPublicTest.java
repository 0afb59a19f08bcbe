package ipclab.fibonacci;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Your self-check for part B: the two exact modes, each with 4 worker processes racing for the
 * counter. These are also the graded tests of the exact modes.
 *
 * <p>Why 4 × 1,000,000: with 100,000 increments a worker's loop takes about a millisecond, and
 * on a busy machine the workers can happen to run one after the other, so that a counter
 * without a real shared lock comes out exact now and then. With 1,000,000 each, four workers
 * always overlap: a counter that reads and writes without a lock across processes kept only
 * 53-77 % of the updates in every run we made (2 cores, load average 35), and it also loses
 * them on a quiet machine, where two workers run at the same time on the two cores.
 */
@LabTest
@DisplayName("Lab 1, part B: a shared counter (public tests)")
class SharedCounterPublicTest {
    /** Five JVM start-ups and 4,000,000 increments: a generous limit, not a measurement. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PROCESSES = "4";
    private static final String INCREMENTS = "1000000";

    @Test
    @Points(3)
    @DisplayName("SharedCounter 4 1000000 atomic prints expected=4000000 actual=4000000")
    void atomicIsExactUnderContention(Lab lab) {
        assertExact(lab, "atomic");
    }

    @Test
    @Points(4)
    @DisplayName("SharedCounter 4 1000000 locked prints expected=4000000 actual=4000000")
    void lockedIsExactUnderContention(Lab lab) {
        assertExact(lab, "locked");
    }

    private static void assertExact(Lab lab, String mode) {
        var run = lab.program(SharedCounter.class).args(PROCESSES, INCREMENTS, mode).run(LIMIT);
        assertThat(run).succeeded().noStackTrace();
        assertThat(run.stdout()).as("output of SharedCounter 4 1000000 %s (every lost update makes actual smaller)", mode)
                .isEqualTo("expected=4000000 actual=4000000\n");
    }
}
