package ipclab.sockets;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ipclab.ipc.Address;
import ipclab.ipc.Cli;

/**
 * The second solution's program frame, written without {@code Cli.run}: it splits a command line
 * into positional words and {@code --authkey-file}, runs the program, and turns what it throws
 * into the contract's exit statuses; what a program registers with {@link #atExit} runs however
 * it ends, Ctrl-C and {@code kill} included.
 *
 * <pre>{@code
 * Program.main(argv, "KvServer <address>", words -> { ...; return 0; });
 * }</pre>
 *
 * <p>Bad arguments print {@code error: <what>} and then the usage line (exit 2); a {@link Fault}
 * prints one {@code error:} line (exit 1). A failure that a signal's cleanup caused (a socket
 * closed under a blocked accept) is not reported.
 */
final class Program {
    /** A program's body; returns its exit status. */
    interface Body {
        int run(Words words) throws Exception;
    }

    /** The command line is wrong: exit status 2. */
    static final class Misuse extends RuntimeException {
        Misuse(String message) {
            super(message);
        }
    }

    /** A failure the program expected and words itself: exit status 1. */
    static final class Fault extends RuntimeException {
        Fault(String message) {
            super(message);
        }
    }

    /** The positional words of a command line and the file of {@code --authkey-file}, if given. */
    record Words(List<String> positional, String keyFile) {
        static Words split(String[] argv, boolean takesKeyFile) {
            var positional = new ArrayList<String>();
            String keyFile = null;
            for (int i = 0; i < argv.length; i++) {
                String word = argv[i];
                if (takesKeyFile && word.equals("--authkey-file")) {
                    if (keyFile != null) throw new Misuse("--authkey-file is given twice");
                    if (i + 1 == argv.length) throw new Misuse("--authkey-file needs a file");
                    keyFile = argv[++i];
                } else if (word.startsWith("--")) {
                    throw new Misuse("unknown option " + word);
                } else {
                    positional.add(word);
                }
            }
            return new Words(List.copyOf(positional), keyFile);
        }

        /** Exactly {@code count} positional words (at least, when {@code orMore}). */
        Words expect(int count, boolean orMore) {
            if (positional.size() < count || (!orMore && positional.size() > count)) {
                throw new Misuse("expected " + (orMore ? "at least " : "") + count + " argument(s), got " + positional.size());
            }
            return this;
        }

        /** The authkey read from {@code --authkey-file}: required. */
        byte[] authkey() {
            if (keyFile == null) throw new Misuse("--authkey-file <file> is required");
            try {
                return KeyFile.read(keyFile);
            } catch (Cli.UsageException unreadable) {
                throw new Misuse(unreadable.getMessage().replaceFirst("^error: ", ""));
            }
        }

        /** Positional word {@code at} as an address a client may connect to. */
        SocketAddress address(int at) {
            try {
                return Address.parse(positional.get(at));
            } catch (IllegalArgumentException e) {
                throw new Misuse(e.getMessage());
            }
        }

        /** Positional word {@code at} as an address a server may bind: UNIX, or TCP on the loopback address. */
        SocketAddress serverAddress(int at) {
            var address = address(at);
            if (!Address.isLocal(address)) {
                throw new Misuse("a server listens on 127.0.0.1 only, not on " + positional.get(at));
            }
            return address;
        }

        /**
         * The listener of a keyed server: the one positional word is its address, the key comes
         * from {@code --authkey-file}; an address in use is a {@link Fault}.
         */
        Listener keyedListener() {
            var address = expect(1, false).serverAddress(0);
            byte[] key = authkey();
            try {
                return new Listener(address, key);
            } catch (Endpoint.InUse taken) {
                throw new Fault(taken.getMessage());
            }
        }

        /** Positional word {@code at} as a whole number from {@code low} to {@code high}. */
        int count(int at, String name, int low, int high) {
            String text = positional.get(at);
            if (text.matches("[0-9]{1,9}")) {
                int n = Integer.parseInt(text);
                if (n >= low && n <= high) return n;
            }
            throw new Misuse(name + " must be a whole number from " + low + " to " + high + ", not '" + text + "'");
        }
    }

    private static final List<Runnable> AT_EXIT = new CopyOnWriteArrayList<>();
    private static volatile boolean ending;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Program::undo, "program-cleanup"));
    }

    private Program() {
    }

    /** Runs the body with argv split into words, prints its error if any and exits with its status. */
    static void main(String[] argv, String usage, boolean takesKeyFile, Body body) {
        int status;
        try {
            status = body.run(Words.split(argv, takesKeyFile));
        } catch (Misuse e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: " + usage);
            status = 2;
        } catch (Fault e) {
            status = failed(e.getMessage());
        } catch (AuthenticationException e) {
            status = failed("authentication failed");
        } catch (Exception e) {
            status = failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        System.out.flush();
        System.exit(status);
    }

    private static int failed(String message) {
        if (!ending) System.err.println("error: " + message);
        return 1;
    }

    /** Runs {@code action} when the program ends, however it ends; the last registered runs first. */
    static void atExit(Runnable action) {
        AT_EXIT.addFirst(action);
    }

    private static void undo() {
        ending = true;
        for (var action : AT_EXIT) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the next cleanup must run all the same
            }
        }
    }
}
