package ipclab.sockets;

import ipclab.ipc.Cli;

/**
 * Sends each argument to a {@link KvServer} as one request and prints each reply on its own line.
 *
 * <pre>
 * $ ./run KvClient unix:/tmp/kv.sock "PUT greeting hello world" "GET greeting" "GET nothing"
 * OK
 * VALUE hello world
 * NOT_FOUND
 * </pre>
 *
 * Exit status 0; 1 with {@code error: cannot connect to <address>} when no server is there, or
 * another {@code error: } line when the server goes away before every reply came.
 */
public final class KvClient {
    private static final String USAGE = "usage: KvClient <address> <request>...";

    private KvClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(2, Integer.MAX_VALUE);
            var address = KvServer.parseAddress(args.get(0));
            throw new UnsupportedOperationException(
                    "TODO: KvClient: connect (Sockets.connect), send each request as a frame, print each reply");
        });
    }
}
