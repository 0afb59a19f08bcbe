package ipclab.timeserver;

import java.time.LocalDateTime;

import ipclab.ipc.Cli;
import ipclab.ipc.MessageQueue;

/**
 * The time server of "Is it time yet?": it creates a System V message queue, answers every
 * time request with the local time in C {@code asctime} form, and on a stop request removes the
 * queue and exits. See {@link TimeProtocol} for the message types.
 *
 * <pre>
 * $ ./run TimeServer --key 4242
 * time server listening on key 4242
 *                                        (a client typed 2 in another terminal)
 * time server stopped
 * </pre>
 *
 * <p>What it must do (the README has the whole contract):
 * <ul>
 *   <li>create the queue <em>exclusively</em> ({@link MessageQueue#createExclusive}); if one
 *       exists already, fail with {@code error: a message queue with key K already exists …}
 *       and tell the user about {@code ipcrm -Q K};</li>
 *   <li>make sure the queue is removed however the server ends: {@link Cli#removeOnExit};</li>
 *   <li>print {@code time server listening on key K} once it can serve;</li>
 *   <li>receive only requests (types 1 and 2), never a reply: which type do you pass to
 *       {@link MessageQueue#receive(long)} for that?</li>
 * </ul>
 */
public final class TimeServer {
    static final String USAGE = "usage: TimeServer [--key K]";

    private TimeServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            int key = Cli.Args.parse(argv, USAGE, "--key").positional(0, 0).key();
            // TODO: create the queue exclusively, arrange its removal (Cli.removeOnExit), print
            //       "time server listening on key K", serve(queue), then print "time server stopped".
            throw new UnsupportedOperationException("TODO: TimeServer.main");
        });
    }

    /**
     * Answers time requests until a stop request comes, then removes the queue and returns.
     * A time request's payload is empty or {@code 0} (reply with type 3), or a client id c
     * (reply with type 3 + c); ignore a request whose payload is neither, and keep serving.
     */
    static void serve(MessageQueue queue) {
        throw new UnsupportedOperationException("TODO: TimeServer.serve");
    }

    /**
     * The time as C's {@code asctime} (and Python's {@code time.asctime()}) writes it, without the
     * newline: {@code Sat Nov 21 23:48:48 2026}, {@code Sun Nov  1 09:05:03 2026} (the day of the
     * month is padded to two characters with a space). English names whatever the locale.
     * Hint: {@link java.time.format.DateTimeFormatter#ofPattern(String, java.util.Locale)}; its
     * documentation has a "pad next" letter.
     */
    public static String asctime(LocalDateTime time) {
        throw new UnsupportedOperationException("TODO: TimeServer.asctime");
    }
}
