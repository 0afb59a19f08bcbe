package ipclab.sockets;

import ipclab.ipc.Cli;

/**
 * The course's "Server (multiple connections)" with {@code Listener}: one authenticated
 * connection at a time, every message printed.
 *
 * <pre>
 * $ ./run MessageServer unix:/tmp/msg.sock --authkey-file key.txt
 * listening on unix:/tmp/msg.sock
 * connection accepted from unix:
 * hello
 * close server
 * </pre>
 *
 * {@code close connection} ends the current connection, {@code close server} also stops the
 * server (exit 0). A client with the wrong key: {@code error: authentication failed for <peer>}
 * on stderr, and the server goes on.
 */
public final class MessageServer {
    private static final String USAGE = "usage: MessageServer <address> --authkey-file <file>";

    private MessageServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--authkey-file").positional(1, 1);
            var address = KvServer.parseAddress(args.get(0));
            byte[] authkey = KeyFile.fromOption(args);
            throw new UnsupportedOperationException("TODO: MessageServer (see the handout, Part B, step 4)");
        });
    }
}
