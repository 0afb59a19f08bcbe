package ipclab.pipes;

import java.nio.file.Path;
import java.util.List;

import ipclab.ipc.Cli;

/**
 * The sending end of a named pipe: opens the FIFO a {@link FifoReceiver} created, sends the
 * messages (none given: the course's {@code hello}, {@code hey}, {@code hru?}), then {@code END}.
 * It never creates anything: with no FIFO at the path it stops with an error.
 *
 * <pre>
 * $ java ipclab.pipes.FifoSender /tmp/chat hi there   # a FifoReceiver on /tmp/chat prints them
 * $ java ipclab.pipes.FifoSender /tmp/nothing
 * error: no named pipe at /tmp/nothing
 * </pre>
 *
 * Opening waits until the receiver has the FIFO open. Exit status 0 when all was sent; 1 with
 * no FIFO at the path or a broken pipe.
 */
public final class FifoSender {
    private static final String USAGE = "usage: FifoSender <path> [messages...]";

    private FifoSender() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(1, Integer.MAX_VALUE);
            var given = args.positional().subList(1, args.positional().size());
            return run(Path.of(args.get(0)), given.isEmpty() ? Sender.DEFAULT_MESSAGES : given);
        });
    }

    /**
     * Checks that a FIFO is at the path ({@code ipclab.ipc.NamedPipe.isNamedPipe}; if not:
     * {@code throw new Cli.Failure("no named pipe at " + path)}), opens it for writing without
     * creating anything ({@code Files.newOutputStream(path, StandardOpenOption.WRITE)}), and sends
     * the messages and {@code END} as {@link Sender} does. Returns the exit status.
     */
    static int run(Path path, List<String> messages) throws Exception {
        throw new UnsupportedOperationException("TODO: FifoSender.run: open the FIFO and send the messages, then END");
    }
}
