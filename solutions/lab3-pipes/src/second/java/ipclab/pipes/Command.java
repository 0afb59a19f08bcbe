package ipclab.pipes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the second solution's programs start and end: {@link #main} parses nothing itself but runs
 * the program's body and turns what it throws into an exit status: {@link Misuse} is 2 (an
 * {@code error:} line, then the usage line), {@link Trouble} and {@link IOException} are 1 (one
 * {@code error:} line). Cleanups added with {@link #atExit} run however the JVM ends, SIGTERM
 * and Ctrl-C included.
 */
final class Command {
    /** A program's body: returns normally on success. */
    interface Body {
        void run(List<String> args) throws Exception;
    }

    /** Bad arguments. */
    static final class Misuse extends Exception {
        Misuse(String message) {
            super(message);
        }
    }

    /** A runtime failure the user can understand. */
    static final class Trouble extends Exception {
        Trouble(String message) {
            super(message);
        }
    }

    private Command() {
    }

    static void main(String usage, String[] argv, Body body) {
        int status;
        try {
            body.run(new ArrayList<>(List.of(argv)));
            status = 0;
        } catch (Misuse e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: " + usage);
            status = 2;
        } catch (Trouble | IOException e) {
            System.err.println("error: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("error: " + e);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static void atExit(Runnable cleanup) {
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup));
    }

    /** The one whole number argument, from low to high. */
    static long number(List<String> args, String name, long low, long high) throws Misuse {
        if (args.size() != 1) throw new Misuse("expected one argument, " + name + ", got " + args.size());
        try {
            long n = Long.parseLong(args.getFirst());
            if (n >= low && n <= high) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Misuse(name + " must be a whole number from " + low + " to " + high + ", not '" + args.getFirst() + "'");
    }
}
