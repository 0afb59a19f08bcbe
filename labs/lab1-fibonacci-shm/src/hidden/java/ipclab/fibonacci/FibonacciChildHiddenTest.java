package ipclab.fibonacci;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.ipc.SharedSegment;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@DisplayName("Lab 1, part A: FibonacciChild")
class FibonacciChildHiddenTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** What every slot holds before the child runs: no Fibonacci number, and not 0. */
    private static final long SENTINEL = 0x5EED_5EED_5EED_5EEDL;
    /** Slots after slot n-1 that the child must leave alone. */
    private static final int EXTRA_SLOTS = 3;

    @Test
    @Points(3)
    @DisplayName("writes F(0) … F(n-1) into slots 0 … n-1 and leaves the slots after them alone (n = 0, 1, 2, 10, 93)")
    void writesEverySlotAndNothingPastTheLast(Lab lab) throws Exception {
        var runs = new LinkedHashMap<Integer, RunningProgram>();
        var segments = new LinkedHashMap<Integer, Path>();
        try {
            for (int n : List.of(0, 1, 2, 10, 93)) {
                Path path = segmentOfSentinels(lab, n + EXTRA_SLOTS);
                segments.put(n, path);
                runs.put(n, lab.program(FibonacciChild.class).args(path.toString(), Integer.toString(n)).start());
            }
            for (int n : runs.keySet()) {
                assertThat(runs.get(n).finish(LIMIT)).succeeded().noStackTrace();
                var expected = new ArrayList<Long>(Expect.fibonacci(n));
                expected.addAll(Collections.nCopies(EXTRA_SLOTS, SENTINEL));
                assertThat(Files.size(segments.get(n))).as("size of the segment after FibonacciChild %d", n)
                        .isEqualTo((long) (n + EXTRA_SLOTS) * Long.BYTES);
                assertThat(slots(segments.get(n)))
                        .as("the %d slots after FibonacciChild %d (every slot held %d before; slots %d and later must still hold it)",
                                n + EXTRA_SLOTS, n, SENTINEL, n)
                        .containsExactlyElementsOf(expected);
            }
        } finally {
            segments.values().forEach(SharedSegment::remove);
        }
    }

    @Test
    @Points(1)
    @DisplayName("prints nothing on stdout: the numbers go into shared memory")
    void printsNothing(Lab lab) {
        Path path = segmentOfSentinels(lab, 10);
        try {
            var run = lab.program(FibonacciChild.class).args(path.toString(), "10").run(LIMIT);
            assertThat(run).succeeded().noStackTrace();
            assertThat(run.stdout()).as("what FibonacciChild printed on stdout").isEmpty();
        } finally {
            SharedSegment.remove(path);
        }
    }

    @Test
    @Points(1)
    @DisplayName("no segment at the path: an error, exit status 1, and it creates none")
    void failsWithoutASegment(Lab lab) {
        Path path = lab.freshSegmentPath("missing");
        var run = lab.program(FibonacciChild.class).args(path.toString(), "10").run(LIMIT);
        assertThat(run).failedWith("error: ");
        assertThat(path).as("a segment FibonacciChild must not create").doesNotExist();
        Path existing = segmentOfSentinels(lab, 10);  // and the same run on a segment that is there works
        try {
            assertThat(lab.program(FibonacciChild.class).args(existing.toString(), "10").run(LIMIT)).succeeded().noStackTrace();
        } finally {
            SharedSegment.remove(existing);
        }
    }

    @Test
    @Points(2)
    @DisplayName("n = 10: a segment of 79 or 72 bytes is an error (exit status 1, size unchanged); one of 80 bytes is enough")
    void needsEightBytesPerNumber(Lab lab) throws Exception {
        var segments = new LinkedHashMap<Long, Path>();
        var runs = new LinkedHashMap<Long, RunningProgram>();
        try {
            for (long bytes : List.of(10L * Long.BYTES - 1, 9L * Long.BYTES, 10L * Long.BYTES)) {
                Path path = lab.freshSegmentPath("small");
                SharedSegment.create(path, bytes).close();
                segments.put(bytes, path);
                runs.put(bytes, lab.program(FibonacciChild.class).args(path.toString(), "10").start());
            }
            for (long bytes : runs.keySet()) {
                String what = "FibonacciChild 10 on a segment of " + bytes + " bytes";
                var run = runs.get(bytes).finish(LIMIT);
                if (bytes < 10L * Long.BYTES) {
                    assertThat(run).failedWith("error: ");
                } else {
                    assertThat(run).as(what).succeeded().noStackTrace();
                    assertThat(slots(segments.get(bytes))).as("slots after %s", what).containsExactlyElementsOf(Expect.fibonacci(10));
                }
                assertThat(Files.size(segments.get(bytes))).as("size of the %d-byte segment afterwards", bytes).isEqualTo(bytes);
            }
        } finally {
            segments.values().forEach(SharedSegment::remove);
        }
    }

    @Test
    @Points(1)
    @DisplayName("n = 93 works; missing or extra arguments, n out of 0 to 93, not an integer: exit status 2")
    void rejectsBadArguments(Lab lab) {
        Path path = segmentOfSentinels(lab, 100);
        try {
            var good = List.of(path.toString(), "93");
            var runs = Expect.runAll(lab, FibonacciChild.class, List.of(good, List.of(), List.of(path.toString()),
                    List.of(path.toString(), "94"), List.of(path.toString(), "-1"), List.of(path.toString(), "ten"),
                    List.of(path.toString(), "10", "extra")), LIMIT);
            runs.forEach((args, run) -> {
                if (args.equals(good)) {
                    assertThat(run).as("FibonacciChild <segment of 100 slots> 93").succeeded().noStackTrace();
                } else {
                    assertThat(run).as("FibonacciChild " + String.join(" ", args)).refusedWithUsage();
                }
            });
        } finally {
            SharedSegment.remove(path);
        }
    }

    /** A new segment of the given slots, each holding {@link #SENTINEL}. */
    private static Path segmentOfSentinels(Lab lab, int slots) {
        Path path = lab.freshSegmentPath("fib");
        try (var shm = SharedSegment.create(path, (long) slots * Long.BYTES)) {
            for (int i = 0; i < slots; i++) shm.set(i, SENTINEL);
        }
        return path;
    }

    private static List<Long> slots(Path path) {
        try (var shm = SharedSegment.open(path)) {
            return LongStream.range(0, shm.slots()).map(shm::get).boxed().toList();
        }
    }
}
