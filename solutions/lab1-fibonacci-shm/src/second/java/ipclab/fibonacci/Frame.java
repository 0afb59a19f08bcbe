package ipclab.fibonacci;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.IpcException;

/**
 * The second solution's program frame, written without the kit's {@code Cli}: it turns what a
 * program throws into the contract's exit statuses and lines, and undoes what the program made
 * (children, segments) when it exits, however it exits. A child is started through
 * {@link #startChild}, which refuses once the program has begun to exit, so no child can start
 * after the cleanup has run.
 *
 * <pre>{@code
 * Frame.run(USAGE, () -> { ...; return 0; });
 * }</pre>
 */
final class Frame {
    /** Bad arguments: printed as {@code error: <message>}, then the usage line; exit status 2. */
    static final class BadArguments extends RuntimeException {
        BadArguments(String message) {
            super(message);
        }
    }

    /** A failure the program expected: {@code error: <message>}; exit status 1. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    interface Body {
        int run() throws Exception;
    }

    private static final Deque<Runnable> UNDO = new ArrayDeque<>();
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Frame::undoAll));
    }

    private Frame() {
    }

    static void run(String usage, Body body) {
        int status;
        try {
            status = body.run();
        } catch (BadArguments e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage);
            status = 2;
        } catch (Failed | IpcException e) {
            System.err.println("error: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("error: " + e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Runs {@code action} when the program exits; the last registered runs first. */
    static synchronized void atExit(Runnable action) {
        UNDO.push(action);
    }

    /** Starts a child that is killed when this program exits, or none if it is exiting already. */
    static synchronized Process startChild(ProcessBuilder builder) throws java.io.IOException {
        if (exiting) throw new Failed("exiting: no new child started");
        Process child = builder.start();
        UNDO.push(() -> {
            child.destroyForcibly();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return child;
    }

    private static void undoAll() {
        synchronized (Frame.class) {
            exiting = true;
        }
        while (true) {
            Runnable next;
            synchronized (Frame.class) {
                next = UNDO.poll();
            }
            if (next == null) return;
            try {
                next.run();
            } catch (RuntimeException e) {
                // cleaning up after ourselves: the next undo must still run
            }
        }
    }

    /** {@code text} as a whole number from {@code min} to {@code max}, or bad arguments naming the range. */
    static long number(String text, String name, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // said below, with the range
        }
        throw new BadArguments(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    /** Exactly {@code count} arguments, or bad arguments. */
    static void expect(String[] args, int count) {
        if (args.length != count) throw new BadArguments("expected " + count + " arguments, got " + args.length);
    }
}
