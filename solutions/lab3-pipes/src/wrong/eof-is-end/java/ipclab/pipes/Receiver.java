package ipclab.pipes;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;

import ipclab.ipc.Cli;

/**
 * The receiving end of the course's pipe example: reads messages from stdin until {@code END}
 * and prints each one.
 *
 * <pre>
 * $ java ipclab.pipes.Sender | java ipclab.pipes.Receiver
 * Received the message: hello
 * Received the message: hey
 * Received the message: hru?
 * </pre>
 *
 * Exit status 0 after {@code END}; 1 if the pipe closed before {@code END} or a frame was broken.
 */
public final class Receiver {
    private static final String USAGE = "usage: Receiver   (reads messages from stdin, e.g. java ipclab.pipes.Sender | java ipclab.pipes.Receiver)";

    private Receiver() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            Cli.Args.parse(argv, USAGE).positional(0, 0);
            try (var channel = new Channel(new FileInputStream(FileDescriptor.in), OutputStream.nullOutputStream())) {
                printUntilEnd(channel);
            }
            return Cli.OK;
        });
    }

    /** Prints {@code Received the message: <m>} for each message up to {@code END}, which it does not print. */
    static void printUntilEnd(Channel channel) throws IOException {
        while (true) {
            var received = channel.receive();
            if (received.isEmpty()) return;
            String message = received.get();
            if (message.equals(Channel.END)) return;
            System.out.println("Received the message: " + message);
        }
    }
}
