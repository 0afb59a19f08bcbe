package ipclab.queues;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

/** Your self-check for PoolDemo. */
@LabTest
class PoolDemoPublicTest {
    @Test
    @Points(1)
    @DisplayName("PoolDemo 3 2: three task lines, then the two running times")
    void printsTaskLinesThenTimes(Lab lab) {
        var run = lab.program(PoolDemo.class).args("3", "2").run(Duration.ofSeconds(60));
        assertThat(run.status()).as("exit status; stderr: %s", run.stderr()).isZero();
        var lines = run.stdoutLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(3)).matches("Theoretical total running time: \\d+(\\.\\d+)? s");
        assertThat(lines.get(4)).matches("Actual running time: \\d+(\\.\\d+)? s");
    }
}
