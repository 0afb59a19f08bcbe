package ipclab.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static ipclab.queues.Calls.failureWithin;
import static ipclab.queues.Calls.inBackground;
import static ipclab.queues.Calls.resultWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The process pool, through its public methods only. Which task finishes first is decided by
 * the test opening {@link Gates}, never by timing; the workers and queues are observed from
 * outside with a {@link PoolProbe}. The probe counts every new child process and queue of this JVM
 * as the pool's, so these tests run {@link Isolated isolated}: with no other test at the same
 * time when the tests of a lab run concurrently.
 */
@LabTest
@Isolated
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProcessPoolHiddenTest {
    static final Duration CALL = Duration.ofSeconds(30);
    static final Duration START = Duration.ofSeconds(45);
    static final long SELF = ProcessHandle.current().pid();

    static List<String> echoes(List<String> words) {
        return words.stream().map(w -> "echo " + w).toList();
    }

    static String token(String gateResult) {
        return gateResult.split(" ")[0];
    }

    @Test
    @Points(3)
    @DisplayName("map returns the results in input order even when the tasks finish in another order")
    void mapKeepsInputOrder(Lab lab) {
        try (var probe = PoolProbe.start(); var gates = new Gates(lab)) {
            var pool = probe.watch(new ProcessPool(3));
            var call = inBackground(() -> pool.map(ScriptTask.NAME, List.of(gates.input(1), gates.input(2), gates.input(3))));
            gates.awaitStarted(3, START, call);
            for (int token : new int[] {3, 2, 1}) {  // they finish last to first
                gates.open(token);
                gates.awaitDone(token, CALL);
            }
            assertThat(resultWithin(call, CALL)).extracting(ProcessPoolHiddenTest::token).containsExactly("1", "2", "3");
        }
    }

    @Test
    @Points(3)
    @DisplayName("imapUnordered yields each result as soon as its task finishes, in completion order")
    void imapUnorderedYieldsInCompletionOrder(Lab lab) {
        try (var probe = PoolProbe.start(); var gates = new Gates(lab)) {
            var pool = probe.watch(new ProcessPool(3));
            var yielded = new CopyOnWriteArrayList<String>();
            var call = inBackground(() -> {
                var results = pool.imapUnordered(ScriptTask.NAME, List.of(gates.input(1), gates.input(2), gates.input(3)));
                while (results.hasNext()) yielded.add(token(results.next()));
                return yielded;
            });
            var expected = new ArrayList<String>();
            for (int token : new int[] {2, 3, 1}) {
                gates.open(token);
                expected.add(Integer.toString(token));
                await().alias("the iterator yields the result of task " + token + " once it alone has finished")
                        .atMost(Timing.scaled(CALL)).pollInterval(Duration.ofMillis(10))
                        .until(() -> yielded.size() >= expected.size() || call.isDone());
                assertThat(yielded).as("results yielded so far").containsExactlyElementsOf(expected);
            }
            assertThat(resultWithin(call, CALL)).containsExactly("2", "3", "1");
        }
    }

    @Test
    @Points(3)
    @DisplayName("the workers run tasks at the same time, each in its own process (not the caller's)")
    void workersRunInParallelInDistinctProcesses(Lab lab) {
        try (var probe = PoolProbe.start(); var gates = new Gates(lab)) {
            var pool = probe.watch(new ProcessPool(2));
            var call = inBackground(() -> pool.map(ScriptTask.NAME, List.of(gates.input(1), gates.input(2))));
            // Both tasks report that they started before either may finish: they overlap in time.
            var started = gates.awaitStarted(2, START, call);
            assertThat(started.values()).as("pids of the processes running the two tasks")
                    .doesNotHaveDuplicates().doesNotContain(SELF).allMatch(probe::isWorker, "is a worker process of the pool");
            gates.open(1);
            gates.open(2);
            assertThat(resultWithin(call, CALL)).containsExactly("1 " + started.get(1), "2 " + started.get(2));
        }
    }

    @Test
    @Points(2)
    @DisplayName("a task that throws makes map and the iterator throw TaskFailedException with its input and the worker's message")
    void failingTaskSurfacesWithItsInputAndMessage() {
        try (var probe = PoolProbe.start()) {
            var pool = probe.watch(new ProcessPool(2));
            var thrown = failureWithin(inBackground(() -> pool.map(ScriptTask.NAME,
                    List.of("echo a", "fail the input was rotten", "echo b"))), CALL);
            assertThat(thrown).isInstanceOf(TaskFailedException.class).hasMessageContaining("the input was rotten (refused in process ")
                    .hasMessageNotContaining("refused in process " + SELF + ")");
            assertThat(((TaskFailedException) thrown).input()).isEqualTo("fail the input was rotten");

            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(List.of("x", "y")))), CALL))
                    .as("a map after the failed one: the pool is still usable").containsExactly("x", "y");

            var fromIterator = failureWithin(inBackground(() -> {
                Iterator<String> results = pool.imapUnordered(ScriptTask.NAME, List.of("fail bad again"));
                return results.next();
            }), CALL);
            assertThat(fromIterator).isInstanceOf(TaskFailedException.class).hasMessageContaining("bad again (refused in process ");
            assertThat(((TaskFailedException) fromIterator).input()).isEqualTo("fail bad again");
        }
    }

    @Test
    @Points(2)
    @DisplayName("after a failed call, results of its tasks still running never show up in a later call")
    void laterCallGetsOnlyItsOwnResults(Lab lab) {
        try (var probe = PoolProbe.start(); var gates = new Gates(lab)) {
            var pool = probe.watch(new ProcessPool(2));
            var failed = failureWithin(inBackground(() -> pool.map(ScriptTask.NAME, List.of(gates.input(1), "fail early"))), CALL);
            assertThat(failed).isInstanceOf(TaskFailedException.class);
            gates.awaitStarted(1, START);
            gates.open(1);
            gates.awaitDone(1, CALL);  // its result ("1 <pid>", index 0) is now on its way back, to nobody
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(List.of("a", "b")))), CALL))
                    .containsExactly("a", "b");
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(List.of("c")))), CALL))
                    .containsExactly("c");
            assertThat(resultWithin(inBackground(() -> {
                var all = new ArrayList<String>();
                pool.imapUnordered(ScriptTask.NAME, echoes(List.of("d"))).forEachRemaining(all::add);
                return all;
            }), CALL)).containsExactly("d");
        }
    }

    @Test
    @Points(3)
    @DisplayName("a worker killed during a call makes it throw WorkerDiedException within 10 s, and close() still cleans up")
    void killedWorkerFailsTheCallWithinTenSeconds(Lab lab) {
        try (var probe = PoolProbe.start()) {
            var pool = probe.watch(new ProcessPool(2));
            // One whole call first, so that both queues have been used and the probe can see them.
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(List.of("ready")))), CALL))
                    .containsExactly("ready");
            try (var gates = new Gates(lab)) {
                var call = inBackground(() -> pool.map(ScriptTask.NAME, List.of(gates.input(1))));
                long pid = gates.awaitStarted(1, START, call).get(1);
                assertThat(probe.isWorker(pid)).as("the task runs in a worker process of the pool (pid %d)", pid).isTrue();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                // The contract's limit is 10 s; the test allows 2 s more for the kill itself.
                assertThat(failureWithin(call, Duration.ofSeconds(12))).isInstanceOf(WorkerDiedException.class);
            }
            probe.closePool();
            probe.assertNothingLeft();
        }
    }

    @Test
    @Points(3)
    @DisplayName("close() stops every worker and removes every queue the pool made")
    void closeLeavesNoWorkerAndNoQueue() {
        try (var probe = PoolProbe.start()) {
            var pool = probe.watch(new ProcessPool(3));
            var words = List.of("one", "two", "three", "four", "five", "six");
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(words))), CALL)).isEqualTo(words);
            assertThat(probe.workers()).as("worker processes of a pool of 3").hasSize(3);
            if (PoolProbe.SEES_QUEUES) {
                assertThat(probe.queues()).as("queues the pool used (found by the pids that last used them)").isNotEmpty();
            }
            probe.closePool();
            probe.assertNothingLeft();
        }
    }

    @Test
    @Points(1)
    @DisplayName("the constructor rejects 0, 17 and -1 workers with IllegalArgumentException and starts nothing")
    void constructorRejectsBadWorkerCounts() {
        try (var probe = PoolProbe.start()) {
            for (int workers : new int[] {0, 17, -1}) {
                assertThatThrownBy(() -> new ProcessPool(workers)).as("new ProcessPool(%d)", workers)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            probe.assertNothingLeft();
        }
    }

    @Test
    @Points(2)
    @DisplayName("a call with far more work than the queues hold completes (no deadlock when both queues fill)")
    void manyInputsDoNotDeadlock() {
        try (var probe = PoolProbe.start()) {
            var pool = probe.watch(new ProcessPool(2));
            // ~190 KB of jobs and ~110 KB of results, through queues that hold 16 KB each
            var words = IntStream.range(0, 3000).mapToObj(i -> "item-" + i + "-" + "x".repeat(24)).toList();
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(words))), Duration.ofSeconds(60)))
                    .isEqualTo(words);
            assertThat(resultWithin(inBackground(() -> {
                var all = new ArrayList<String>();
                pool.imapUnordered(ScriptTask.NAME, echoes(words)).forEachRemaining(all::add);
                return all;
            }), Duration.ofSeconds(60))).containsExactlyInAnyOrderElementsOf(words);
        }
    }

    @Test
    @Points(1)
    @DisplayName("no inputs: map returns an empty list and the iterator has nothing")
    void emptyInputs() {
        try (var probe = PoolProbe.start()) {
            var pool = probe.watch(new ProcessPool(1));
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, List.of())), CALL)).isEmpty();
            assertThat(resultWithin(inBackground(() -> pool.imapUnordered(ScriptTask.NAME, List.of()).hasNext()), CALL)).isFalse();
            assertThat(resultWithin(inBackground(() -> pool.map(ScriptTask.NAME, echoes(List.of("after")))), CALL))
                    .containsExactly("after");
        }
    }
}
