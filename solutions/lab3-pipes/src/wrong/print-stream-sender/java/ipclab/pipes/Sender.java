package ipclab.pipes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import ipclab.ipc.Cli;

/**
 * The sending end of the course's pipe example: sends each argument as a message on stdout,
 * then {@code END}. Its output is binary frames (see {@link Channel}), meant for a pipe, not a
 * terminal.
 *
 * <pre>
 * $ java ipclab.pipes.Sender hello | java ipclab.pipes.Receiver
 * Received the message: hello
 * $ java ipclab.pipes.Sender hey | od -An -c
 *   \0  \0  \0 003   h   e   y  \0  \0  \0 003   E   N   D
 * </pre>
 *
 * Exit status 0 when every message was written; 1 if the pipe broke (its reader is gone).
 */
public final class Sender {
    /** What the course's sender sends when given no messages. */
    static final List<String> DEFAULT_MESSAGES = List.of("hello", "hey", "hru?");
    private static final String USAGE = "usage: Sender [messages...]";

    private Sender() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE);
            var messages = args.positional().isEmpty() ? DEFAULT_MESSAGES : args.positional();
            try (var channel = new Channel(InputStream.nullInputStream(), System.out)) {
                sendAll(channel, messages);
            }
            return Cli.OK;
        });
    }

    /** Sends each message, then {@code END}. */
    static void sendAll(Channel channel, List<String> messages) throws IOException {
        for (String message : messages) channel.send(message);
        channel.send(Channel.END);
    }
}
