package ipclab.fibonacci;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.SharedSegment;

/**
 * Part A's parent, second solution: makes the segment, lets a {@link FibonacciChild} JVM fill
 * it, waits for the child's exit through {@link Process#onExit()}, and prints the slots.
 *
 * <pre>
 * $ ./run FibonacciParent 5
 * 0 1 1 2 3
 * </pre>
 */
public final class FibonacciParent {
    static final int LARGEST_N = 93;
    static final String USAGE = "usage: FibonacciParent <n>   (0 <= n <= 93)";

    private FibonacciParent() {
    }

    public static void main(String[] args) {
        Frame.run(USAGE, () -> {
            Frame.expect(args, 1);
            int count = (int) Frame.number(args[0], "n", 0, LARGEST_N);
            Path segment = SharedSegment.newPath("fibonacci");
            Frame.atExit(() -> SharedSegment.remove(segment));
            try (var memory = SharedSegment.create(segment, (long) count * Long.BYTES)) {
                var builder = new ProcessBuilder(ChildJvm.command(FibonacciChild.class.getName(),
                        List.of(segment.toString(), Integer.toString(count)))).inheritIO();
                Process child = Frame.startChild(builder).onExit().get();
                if (child.exitValue() != 0) throw new Frame.Failed("child process failed (exit status " + child.exitValue() + ")");
                System.out.println(LongStream.range(0, count).mapToObj(i -> Long.toString(memory.get(i))).collect(Collectors.joining(" ")));
            }
            return 0;
        });
    }
}
