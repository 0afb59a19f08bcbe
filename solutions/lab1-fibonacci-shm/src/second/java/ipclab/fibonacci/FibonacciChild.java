package ipclab.fibonacci;

import java.nio.file.Path;

import ipclab.ipc.SharedSegment;

/**
 * Part A's child, second solution: fills slots 0 … n-1 of an existing segment with
 * F(0) … F(n-1), carrying the last two numbers in locals rather than reading them back.
 *
 * <pre>
 * $ ./run FibonacciChild /dev/shm/some-segment 10
 * </pre>
 */
public final class FibonacciChild {
    static final String USAGE = "usage: FibonacciChild <segment-path> <n>   (0 <= n <= 93)";

    private FibonacciChild() {
    }

    public static void main(String[] args) {
        Frame.run(USAGE, () -> {
            Frame.expect(args, 2);
            int count = (int) Frame.number(args[1], "n", 0, FibonacciParent.LARGEST_N);
            try (var memory = SharedSegment.open(Path.of(args[0]))) {
                long needed = (long) count * Long.BYTES;
                if (memory.byteSize() < needed) {
                    throw new Frame.Failed(args[0] + " holds " + memory.byteSize() + " bytes; " + count + " numbers need " + needed);
                }
                long current = 0;
                long following = 1;  // current = F(i), following = F(i+1)
                for (int i = 0; i < count; i++) {
                    memory.set(i, current);
                    long sum = current + following;  // overflows only past F(93), which is never written
                    current = following;
                    following = sum;
                }
            }
            return 0;
        });
    }
}
