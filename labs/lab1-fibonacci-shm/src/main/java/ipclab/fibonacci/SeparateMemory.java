package ipclab.fibonacci;

import java.util.Arrays;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.Cli;

/**
 * A demonstration, complete as it is: a child JVM fills an array with the Fibonacci sequence,
 * and its parent, which waited for it, still sees only zeros in its own array of the same
 * name. Two processes share no variables: each has its own memory.
 *
 * <pre>
 * $ ./run SeparateMemory
 * child  (pid 48213): numbers = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
 * parent (pid 48190): numbers = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
 * </pre>
 */
public final class SeparateMemory {
    /** One array per process: the child's writes go to the child's copy. */
    private static final long[] NUMBERS = new long[10];

    private SeparateMemory() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, "usage: SeparateMemory").positional(0, 1);
            if (args.positional().isEmpty()) {  // the parent
                Process child = ChildJvm.start(SeparateMemory.class, "child");
                int status = child.waitFor();
                if (status != 0) throw Cli.childFailed(status);
                show("parent");
            } else {                            // the child, started by the parent above
                for (int i = 0; i < NUMBERS.length; i++) NUMBERS[i] = i < 2 ? i : NUMBERS[i - 1] + NUMBERS[i - 2];
                show("child ");
            }
            return Cli.OK;
        });
    }

    private static void show(String who) {
        System.out.println(who + " (pid " + ProcessHandle.current().pid() + "): numbers = " + Arrays.toString(NUMBERS));
    }
}
