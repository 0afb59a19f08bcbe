package ipclab.pipes;

import java.nio.file.Path;

import ipclab.ipc.Cli;

/**
 * The receiving end of a named pipe: creates a FIFO at the path (mode 0600), waits for a
 * writer, prints each message until {@code END}, and removes the FIFO. Any program that opens
 * the path for writing can talk to it: {@link FifoSender}, or one in another language.
 *
 * <pre>
 * $ java ipclab.pipes.FifoReceiver /tmp/chat &        # creates /tmp/chat, waits
 * $ ls -l /tmp/chat
 * prw------- 1 you you 0 Nov 21 23:48 /tmp/chat
 * $ java ipclab.pipes.FifoSender /tmp/chat hi there
 * Received the message: hi
 * Received the message: there
 * </pre>
 *
 * Exit status 0 after {@code END}; 1 if something is already at the path, the pipe closed
 * before {@code END} or a frame was broken. The FIFO is removed however it ends.
 */
public final class FifoReceiver {
    private static final String USAGE = "usage: FifoReceiver <path>";

    private FifoReceiver() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(1, 1);
            return run(Path.of(args.get(0)));
        });
    }

    /**
     * Creates the FIFO with {@code ipclab.ipc.NamedPipe.create} (it refuses a path where anything
     * is), makes sure it is removed however the program exits ({@code Cli.removeOnExit}: see the
     * handout's hints for when to register it), opens it for reading (that waits for a writer)
     * and prints the messages as {@link Receiver} does. Returns the exit status.
     */
    static int run(Path path) throws Exception {
        throw new UnsupportedOperationException("TODO: FifoReceiver.run: create the FIFO, receive until END, remove it");
    }
}
