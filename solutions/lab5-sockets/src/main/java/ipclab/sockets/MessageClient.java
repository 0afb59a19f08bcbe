package ipclab.sockets;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import ipclab.ipc.Address;
import ipclab.ipc.Cli;

/**
 * The course's {@code Client}: connects to a {@link MessageServer} (or Python's {@code Listener}),
 * sends each message, closes.
 *
 * <pre>
 * $ ./run MessageClient unix:/tmp/msg.sock --authkey-file key.txt hello "close server"
 * </pre>
 *
 * Exit status 0; 1 with {@code error: authentication failed} for a rejected key, or
 * {@code error: cannot connect to <address>}; 2 for a missing or unreadable key file.
 */
public final class MessageClient {
    private static final String USAGE = "usage: MessageClient <address> --authkey-file <file> [message...]";

    private MessageClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--authkey-file").positional(1, Integer.MAX_VALUE);
            var address = KvServer.parseAddress(args.get(0));
            byte[] authkey = KeyFile.fromOption(args);
            Connection conn;
            try {
                conn = Client.connect(address, authkey);
            } catch (AuthenticationException e) {
                throw new Cli.Failure("authentication failed");
            } catch (UncheckedIOException e) {
                throw new Cli.Failure("cannot connect to " + Address.format(address));
            }
            try (conn) {
                for (String message : args.positional().subList(1, args.positional().size())) {
                    conn.sendBytes(message.getBytes(StandardCharsets.UTF_8));
                }
            }
            return Cli.OK;
        });
    }
}
