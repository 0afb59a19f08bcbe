package ipclab.pipes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes a FIFO at the path with the {@code mkfifo} command (mode 0600), prints the messages a
 * writer sends until {@code END}, and removes the FIFO (also on SIGTERM or Ctrl-C).
 *
 * <pre>
 * $ ./run FifoReceiver /tmp/chat &
 * $ ./run FifoSender /tmp/chat hi
 * Received the message: hi
 * </pre>
 */
public final class FifoReceiver {
    private FifoReceiver() {
    }

    public static void main(String[] argv) {
        Command.main("FifoReceiver <path>", argv, args -> {
            if (args.size() != 1) throw new Command.Misuse("expected one argument, the path");
            Path fifo = Path.of(args.getFirst());
            if (Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)) throw new Command.Trouble("something is already at " + fifo);
            var made = new AtomicBoolean();  // the hook is in place before the FIFO exists, and removes only ours
            Command.atExit(() -> {
                try {
                    if (made.get()) Files.deleteIfExists(fifo);
                } catch (IOException e) {
                    System.err.println("error: could not remove " + fifo + ": " + e.getMessage());
                }
            });
            mkfifo(fifo);
            made.set(true);
            try (var in = new Channel(Files.newInputStream(fifo), OutputStream.nullOutputStream())) {
                Receiver.printAll(in);
            }
        });
    }

    private static void mkfifo(Path fifo) throws IOException, InterruptedException, Command.Trouble {
        var mkfifo = new ProcessBuilder("mkfifo", "-m", "600", "--", fifo.toString()).redirectErrorStream(true).start();
        String said = new String(mkfifo.getInputStream().readAllBytes()).strip();
        if (mkfifo.waitFor() != 0) throw new Command.Trouble("could not make a FIFO at " + fifo + ": " + said);
    }
}
