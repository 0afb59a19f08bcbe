package ipclab.pipes;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import ipclab.ipc.Cli;
import ipclab.ipc.NamedPipe;

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

    /** Creates the FIFO, prints the messages until {@code END}, removes it; returns the exit status. */
    static int run(Path path) throws Exception {
        var created = new AtomicBoolean();
        // Registered before mkfifo, so that a signal just after it still removes the FIFO.
        Cli.removeOnExit(() -> {
            if (created.get()) NamedPipe.remove(path);
        });
        NamedPipe.create(path);  // fails, touching nothing, if anything is at the path
        created.set(true);
        // Opening for reading waits until a writer opens the FIFO.
        try (var channel = new Channel(Files.newInputStream(path), OutputStream.nullOutputStream())) {
            Receiver.printUntilEnd(channel);
        }
        return Cli.OK;
    }
}
