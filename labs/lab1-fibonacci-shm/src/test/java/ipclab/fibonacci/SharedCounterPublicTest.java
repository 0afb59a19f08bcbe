package ipclab.fibonacci;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

/** Your self-check for part B: one exact mode, with real worker processes. */
@LabTest
@DisplayName("Lab 1, part B: a shared counter (public tests)")
class SharedCounterPublicTest {
    /** Five JVM start-ups: a generous limit, not a measurement. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    @Points(1)
    @DisplayName("SharedCounter 4 10000 atomic prints expected=40000 actual=40000")
    void atomicCounterIsExact(Lab lab) {
        var run = lab.program(SharedCounter.class).args("4", "10000", "atomic").run(LIMIT);
        assertThat(run.status()).as("exit status of SharedCounter 4 10000 atomic%n  stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("expected=40000 actual=40000\n");
    }
}
