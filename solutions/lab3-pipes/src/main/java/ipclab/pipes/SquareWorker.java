package ipclab.pipes;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.math.BigInteger;

import ipclab.ipc.Cli;

/**
 * The far end of a two-way pipe: reads decimal integers as messages from stdin and answers
 * each with its square on stdout, until {@code END}. {@link SquareClient} starts it; by hand it
 * only makes sense with framed input.
 *
 * <pre>
 * $ java ipclab.pipes.Sender 3 -4 | java ipclab.pipes.SquareWorker | java ipclab.pipes.Receiver
 * Received the message: 9
 * Received the message: 16
 * error: the pipe was closed before END
 * </pre>
 *
 * (The worker does not pass {@code END} on: it answers numbers only.) Exit status 0 after
 * {@code END}; 1 if the pipe closed before it or a message is not an integer.
 */
public final class SquareWorker {
    private static final String USAGE = "usage: SquareWorker   (reads framed integers from stdin; SquareClient starts it)";

    private SquareWorker() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            Cli.Args.parse(argv, USAGE).positional(0, 0);
            var in = new BufferedInputStream(new FileInputStream(FileDescriptor.in));
            try (var channel = new Channel(in, new FileOutputStream(FileDescriptor.out))) {
                serve(channel);
            }
            return Cli.OK;
        });
    }

    /** Answers each message with its square until {@code END}. */
    static void serve(Channel channel) throws IOException {
        while (true) {
            String message = channel.receive().orElseThrow(() -> new Cli.Failure("the pipe was closed before END"));
            if (message.equals(Channel.END)) return;
            channel.send(square(message).toString());
        }
    }

    private static BigInteger square(String message) {
        try {
            return new BigInteger(message.strip()).pow(2);
        } catch (NumberFormatException e) {
            throw new Cli.Failure("not a decimal integer: '" + message + "'");
        }
    }
}
