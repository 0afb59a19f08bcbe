package ipclab.queues;

import java.util.ArrayList;
import java.util.List;

/**
 * The second solution's programs start and end here: {@link #main} runs a program's body and turns
 * what it throws into an exit status ({@link BadArguments}: an {@code error:} line, then the
 * usage line, status 2; {@link Failure} or any other exception: one {@code error:} line, status
 * 1). {@link Options} splits {@code --key K} from the positional arguments.
 */
final class Launch {
    interface Body {
        void run(Options options) throws Exception;
    }

    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** The positional arguments and the queue key ({@code --key K}, decimal or 0x hex; 128 if not given). */
    record Options(List<String> positional, int key) {
        static Options of(String[] argv, boolean takesKey) throws BadArguments {
            var positional = new ArrayList<String>();
            Integer key = null;
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                if (takesKey && a.equals("--key")) {
                    if (key != null) throw new BadArguments("--key is given twice");
                    if (i + 1 == argv.length) throw new BadArguments("--key needs a value");
                    key = parseKey(argv[++i]);
                } else if (a.startsWith("--")) {
                    throw new BadArguments("unknown option " + a);
                } else {
                    positional.add(a);
                }
            }
            return new Options(List.copyOf(positional), key == null ? 128 : key);
        }

        void expect(int count) throws BadArguments {
            if (positional.size() != count) throw new BadArguments("expected " + count + " arguments, got " + positional.size());
        }

        int number(int at, String name, int low, int high) throws BadArguments {
            String text = positional.get(at);
            try {
                int n = Integer.parseInt(text);
                if (n >= low && n <= high) return n;
            } catch (NumberFormatException e) {
                // the message below says what was wrong
            }
            throw new BadArguments(name + " must be a whole number from " + low + " to " + high + ", not '" + text + "'");
        }
    }

    static int parseKey(String text) throws BadArguments {
        try {
            long key = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            if (key > 0 && key < Integer.MAX_VALUE) return (int) key;
        } catch (NumberFormatException e) {
            // the message below says what was wrong
        }
        throw new BadArguments("the key must be a positive number below 2^31 - 1 (decimal or 0x hex), not '" + text + "'");
    }

    private Launch() {
    }

    static void main(String usage, String[] argv, boolean takesKey, Body body) {
        int status = 0;
        try {
            body.run(Options.of(argv, takesKey));
        } catch (BadArguments e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: " + usage);
            status = 2;
        } catch (Exception e) {
            System.err.println("error: " + (e instanceof Failure ? e.getMessage() : e.toString()));
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Ends this JVM when the process that started it has gone (so a killed parent leaves no child behind). */
    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    }
}
