package ipclab.ipc;

import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(60)
class FutexTest {
    private static final long LONGER_THAN_THE_TEST = Duration.ofSeconds(600).toNanos();
    private final Path path = SharedSegment.newPath("futex");

    @AfterEach
    void removeSegment() {
        SharedSegment.remove(path);
    }

    @Test
    void anotherProcessWakesASleeperOnTheWord() throws Exception {
        assumeTrue(Futex.AVAILABLE, "futexes exist on Linux only");
        try (var shm = SharedSegment.create(path, 8); var children = new Children()) {
            var word = shm.memory().asSlice(0, Integer.BYTES);
            var waker = children.start(FutexWaker.class, path.toString());
            int wakeUps = 0;
            while (word.get(JAVA_INT, 0) == 0) {
                VarHandle.acquireFence();
                assertThat(Futex.await(word, 0, LONGER_THAN_THE_TEST)).as("woken, not timed out").isTrue();
                wakeUps++;
            }
            // Only the other process's wake could end a sleep far longer than the test's time limit.
            assertThat(wakeUps).isPositive();
            assertThat(Children.exitStatus(waker)).as(Children.stderr(waker)).isZero();
            assertThat(Children.stdout(waker)).contains("woke a sleeper");
        }
    }

    @Test
    void aWordThatHoldsAnotherValueDoesNotSleep() {
        assumeTrue(Futex.AVAILABLE, "futexes exist on Linux only");
        try (var shm = SharedSegment.create(path, 8)) {
            var word = shm.memory().asSlice(0, Integer.BYTES);
            word.set(JAVA_INT, 0, 7);
            assertThat(Futex.await(word, 0, LONGER_THAN_THE_TEST)).isTrue();
            assertThat(Futex.wake(word, 1)).as("nobody sleeps there").isZero();
        }
    }

    @Test
    void aSleepEndsWhenTheTimeRunsOut() {
        assumeTrue(Futex.AVAILABLE, "futexes exist on Linux only");
        try (var shm = SharedSegment.create(path, 8)) {
            var word = shm.memory().asSlice(0, Integer.BYTES);
            long start = System.nanoTime();
            boolean woken;
            do {
                woken = Futex.await(word, 0, Duration.ofMillis(100).toNanos());
            } while (woken);  // an early return (a signal) is allowed: sleep again
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void aWordIsFourAlignedBytes() {
        assumeTrue(Futex.AVAILABLE, "futexes exist on Linux only");
        try (var shm = SharedSegment.create(path, 8)) {
            assertThatThrownBy(() -> Futex.wake(shm.memory().asSlice(2, 4), 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Futex.wake(shm.memory().asSlice(0, 2), 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
