package ipclab.pipes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sends its messages (none: the course's three) and {@code END} into the FIFO a
 * {@link FifoReceiver} made; it never creates anything at the path.
 *
 * <pre>
 * $ ./run FifoSender /tmp/nothing
 * error: no named pipe at /tmp/nothing
 * </pre>
 */
public final class FifoSender {
    private static final int FILE_TYPE = 0170000;
    private static final int FIFO_TYPE = 0010000;

    private FifoSender() {
    }

    public static void main(String[] argv) {
        Command.main("FifoSender <path> [messages...]", argv, args -> {
            if (args.isEmpty()) throw new Command.Misuse("expected the path of the FIFO");
            Path fifo = Path.of(args.removeFirst());
            if (!isFifo(fifo)) throw new Command.Trouble("no named pipe at " + fifo);
            try (var out = new Channel(InputStream.nullInputStream(), Files.newOutputStream(fifo, StandardOpenOption.WRITE))) {
                Sender.sendWithEnd(out, args.isEmpty() ? Sender.COURSE : args);
            }
        });
    }

    private static boolean isFifo(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & FILE_TYPE) == FIFO_TYPE;
        } catch (IOException e) {
            return false;
        }
    }
}
