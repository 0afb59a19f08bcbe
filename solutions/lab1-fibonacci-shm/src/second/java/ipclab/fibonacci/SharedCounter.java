package ipclab.fibonacci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.SharedSegment;

/**
 * Part B, second solution: P {@link CountingProcess} JVMs add to one shared counter; the
 * parent waits for whichever finishes first ({@link CompletableFuture#anyOf}) and prints
 * {@code expected=… actual=…}.
 *
 * <pre>
 * $ ./run SharedCounter 4 1000 atomic
 * expected=4000 actual=4000
 * </pre>
 */
public final class SharedCounter {
    static final int MOST_PROCESSES = 16;
    static final long MOST_INCREMENTS = 10_000_000;
    static final String USAGE = "usage: SharedCounter <processes 1-16> <increments 0-10000000> <unsafe|atomic|locked>";

    private SharedCounter() {
    }

    /** The mode as given, if it is one of the three. */
    static String mode(String text) {
        return switch (text) {
            case "unsafe", "atomic", "locked" -> text;
            default -> throw new Frame.BadArguments("the mode is unsafe, atomic or locked, not '" + text + "'");
        };
    }

    public static void main(String[] args) {
        Frame.run(USAGE, () -> {
            Frame.expect(args, 3);
            long processes = Frame.number(args[0], "processes", 1, MOST_PROCESSES);
            long increments = Frame.number(args[1], "increments", 0, MOST_INCREMENTS);
            String mode = mode(args[2]);
            Path segment = SharedSegment.newPath("counter");
            Frame.atExit(() -> SharedSegment.remove(segment));
            try (var memory = SharedSegment.create(segment, 2 * Long.BYTES)) {
                var exits = new ArrayList<CompletableFuture<Process>>();
                for (int p = 0; p < processes; p++) {
                    var builder = new ProcessBuilder(ChildJvm.command(CountingProcess.class.getName(),
                            List.of(segment.toString(), Long.toString(increments), mode))).inheritIO();
                    exits.add(Frame.startChild(builder).onExit());
                }
                var running = new ArrayList<>(exits);
                while (!running.isEmpty()) {  // the first failure ends the wait; the frame stops the others
                    CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new)).get();
                    for (var it = running.iterator(); it.hasNext();) {
                        var exit = it.next();
                        if (!exit.isDone()) continue;
                        it.remove();
                        int status = exit.get().exitValue();
                        if (status != 0) throw new Frame.Failed("child process failed (exit status " + status + ")");
                    }
                }
                System.out.println("expected=" + processes * increments + " actual=" + memory.getAcquire(0));
            }
            return 0;
        });
    }
}
