package ipclab.timeserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;

/**
 * The second solution's program frame, written without the kit's {@code Cli}: it parses the
 * options, runs the program, turns what the program throws into the contract's exit statuses,
 * and removes the program's queue when it exits, however it exits (a shutdown hook covers
 * Ctrl-C and {@code kill}).
 *
 * <pre>{@code
 * Command.main(argv, "TimeServer [--key K]", Set.of("--key"), options -> {
 *     var queue = MessageQueue.createExclusive(options.key());
 *     Command.atExit(queue);
 *     ...
 * });
 * }</pre>
 *
 * <p>Bad arguments print {@code error: <what was wrong>} and then the usage line, exit status 2;
 * a {@link Trouble} or an {@link IpcException} prints one {@code error:} line, exit status 1.
 * When a signal is ending the program, the failure its cleanup caused (the queue removed under a
 * waiting receive) is not reported.
 */
final class Command {
    /** The key of the course's examples, used when {@code --key} is not given. */
    static final int COURSE_KEY = 128;

    /** A program's body, given its parsed options. */
    interface Body {
        void run(Options options) throws Exception;
    }

    /** The command line is wrong: exit status 2. */
    static final class WrongArguments extends Exception {
        WrongArguments(String message) {
            super(message);
        }
    }

    /** A failure the program expected and words itself: exit status 1. */
    static final class Trouble extends RuntimeException {
        Trouble(String message) {
            super(message);
        }
    }

    /** The options of a command line: {@code --name value} pairs, no positional arguments. */
    record Options(Map<String, String> values) {
        static Options parse(String[] argv, Set<String> allowed) throws WrongArguments {
            var values = new HashMap<String, String>();
            for (int at = 0; at < argv.length; at++) {
                String word = argv[at];
                if (!word.startsWith("-")) throw new WrongArguments("unexpected argument '" + word + "'");
                if (!allowed.contains(word)) throw new WrongArguments("unknown option '" + word + "'");
                if (at + 1 >= argv.length) throw new WrongArguments(word + " needs a value");
                if (values.putIfAbsent(word, argv[++at]) != null) throw new WrongArguments(word + " is given twice");
            }
            return new Options(Map.copyOf(values));
        }

        /** The System V key of {@code --key}: 1 to 2^31 - 1, decimal or {@code 0x} hex. */
        int key() throws WrongArguments {
            String text = values.get("--key");
            if (text == null) return COURSE_KEY;
            boolean hex = text.startsWith("0x") || text.startsWith("0X");
            String digits = hex ? text.substring(2) : text;
            if (digits.matches(hex ? "[0-9a-fA-F]{1,8}" : "[0-9]{1,10}")) {
                long key = Long.parseLong(digits, hex ? 16 : 10);
                if (key >= 1 && key <= Integer.MAX_VALUE) return (int) key;
            }
            throw new WrongArguments("--key wants a number from 1 to 2147483647 (decimal or 0x hex), not '" + text + "'");
        }

        /** The seconds of {@code --timeout}: 1 to 3600, or {@code otherwise} when not given. */
        int seconds(int otherwise) throws WrongArguments {
            String text = values.get("--timeout");
            if (text == null) return otherwise;
            if (text.matches("[0-9]{1,4}")) {
                int seconds = Integer.parseInt(text);
                if (seconds >= 1 && seconds <= 3600) return seconds;
            }
            throw new WrongArguments("--timeout wants whole seconds from 1 to 3600, not '" + text + "'");
        }
    }

    private static final List<Runnable> AT_EXIT = new ArrayList<>();
    private static volatile boolean signalled;

    private Command() {
    }

    /** Parses argv against {@code allowed}, runs the body and exits the JVM with its status. */
    static void main(String[] argv, String usage, Set<String> allowed, Body body) {
        int status = 0;
        try {
            body.run(Options.parse(argv, allowed));
        } catch (WrongArguments e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: " + usage);
            status = 2;
        } catch (Trouble | IpcException e) {
            status = fail(e.getMessage());
        } catch (Exception e) {
            status = fail(e.toString());
        }
        System.out.flush();
        System.exit(status);
    }

    private static int fail(String message) {
        if (!signalled) System.err.println("error: " + message);
        return 1;
    }

    /**
     * Removes {@code queue} when the program exits, however it exits. Removing a queue that the
     * program removed itself on its way out does nothing.
     */
    static synchronized void atExit(MessageQueue queue) {
        if (AT_EXIT.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(Command::cleanUp, "remove-queue"));
        }
        AT_EXIT.add(queue::remove);
    }

    private static void cleanUp() {
        signalled = true;  // also set on a normal exit: nothing is reported after System.exit
        List<Runnable> actions;
        synchronized (Command.class) {
            actions = List.copyOf(AT_EXIT);
        }
        for (var action : actions.reversed()) {
            try {
                action.run();
            } catch (IpcException e) {
                System.err.println("error: could not remove the queue: " + e.getMessage());
            }
        }
    }
}
