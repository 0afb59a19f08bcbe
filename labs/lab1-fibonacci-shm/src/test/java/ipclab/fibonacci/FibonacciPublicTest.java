package ipclab.fibonacci;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.ipc.SharedSegment;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Your self-check for part A. Each test runs your programs as real processes, as you would from
 * a terminal, and then checks that nothing was left behind (no process, no segment).
 */
@LabTest
@DisplayName("Lab 1, part A: the Fibonacci return (public tests)")
class FibonacciPublicTest {
    /** Two JVM start-ups: a generous limit, not a measurement. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Points(1)
    @DisplayName("FibonacciChild writes F(0) … F(9) into a segment the test made, and prints nothing")
    void childWritesTheSequenceIntoSharedMemory(Lab lab) {
        Path path = lab.freshSegmentPath("fib");
        try {
            SharedSegment.create(path, 10 * Long.BYTES).close();
            var run = lab.program(FibonacciChild.class).args(path.toString(), "10").run(LIMIT);
            assertThat(run.status()).as("exit status of FibonacciChild%n  stderr: %s", run.stderr()).isZero();
            assertThat(run.stdout()).as("what FibonacciChild printed on stdout").isEmpty();
            try (var shm = SharedSegment.open(path)) {
                assertThat(LongStream.range(0, 10).map(shm::get).toArray()).as("slots 0 … 9 of the segment")
                        .containsExactly(0, 1, 1, 2, 3, 5, 8, 13, 21, 34);
            }
        } finally {
            SharedSegment.remove(path);
        }
    }

    @Test
    @Points(1)
    @DisplayName("FibonacciParent 10 prints 0 1 1 2 3 5 8 13 21 34")
    void parentPrintsTheFirstTenNumbers(Lab lab) {
        var run = lab.program(FibonacciParent.class).args("10").run(LIMIT);
        assertThat(run.status()).as("exit status of FibonacciParent 10%n  stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("0 1 1 2 3 5 8 13 21 34\n");
    }

    @Test
    @Points(1)
    @DisplayName("FibonacciParent 0 prints an empty line")
    void parentPrintsAnEmptyLineForZero(Lab lab) {
        var run = lab.program(FibonacciParent.class).args("0").run(LIMIT);
        assertThat(run.status()).as("exit status of FibonacciParent 0%n  stderr: %s", run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("\n");
    }
}
