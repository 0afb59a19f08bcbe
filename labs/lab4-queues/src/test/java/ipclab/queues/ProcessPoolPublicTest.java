package ipclab.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Your self-check for the pool. A call that hangs fails the test after the time limit. */
@LabTest
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessPoolPublicTest {
    static final String TASK = UpperCaseTask.class.getName();
    static final List<String> WORDS = IntStream.range(0, 50).mapToObj(i -> "word" + i).toList();
    static final List<String> SHOUTED = WORDS.stream().map(w -> w.toUpperCase()).toList();

    @Test
    @Points(1)
    @DisplayName("map returns every result, in input order")
    void mapReturnsResultsInInputOrder() {
        try (var pool = new ProcessPool(2)) {
            assertThat(pool.map(TASK, WORDS)).isEqualTo(SHOUTED);
        }
    }

    @Test
    @Points(1)
    @DisplayName("imapUnordered yields every result once")
    void imapUnorderedYieldsEveryResult() {
        try (var pool = new ProcessPool(2)) {
            var results = new ArrayList<String>();
            pool.imapUnordered(TASK, WORDS).forEachRemaining(results::add);
            assertThat(results).containsExactlyInAnyOrderElementsOf(SHOUTED);
        }
    }

    @Test
    @Points(1)
    @DisplayName("a failing task makes map throw TaskFailedException naming the input; the pool still works")
    void failingTaskThrowsTaskFailedException() {
        try (var pool = new ProcessPool(2)) {
            assertThatThrownBy(() -> pool.map(TASK, List.of("a", "fail", "b")))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageContaining("UpperCaseTask refuses 'fail'")
                    .extracting(e -> ((TaskFailedException) e).input()).isEqualTo("fail");
            assertThat(pool.map(TASK, List.of("c"))).containsExactly("C");
        }
    }

    @Test
    @Points(1)
    @DisplayName("a pool of 0 workers is refused with IllegalArgumentException")
    void zeroWorkersIsRefused() {
        assertThatThrownBy(() -> new ProcessPool(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
