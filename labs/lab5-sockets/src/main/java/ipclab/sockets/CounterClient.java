package ipclab.sockets;

import ipclab.ipc.Cli;

/**
 * Many clients of one remote {@link Counter} at once: each its own connection, each calling
 * {@code increment()} over and over. Compare with Lab 1's {@code SharedCounter}: no lock on the
 * client side, yet no update is lost, and every call costs a round trip.
 *
 * <pre>
 * $ ./run CounterClient unix:/tmp/counter.sock --authkey-file key.txt 4 10000
 * expected=40000 actual=40000
 * calls per second: 21834.5
 * </pre>
 */
public final class CounterClient {
    private static final String USAGE = "usage: CounterClient <address> --authkey-file <file> <clients> <calls>";

    private CounterClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--authkey-file").positional(3, 3);
            var address = KvServer.parseAddress(args.get(0));
            int clients = (int) args.integer(1, "clients", 1, 64);
            int calls = (int) args.integer(2, "calls", 0, 100_000);
            byte[] authkey = KeyFile.fromOption(args);
            throw new UnsupportedOperationException(
                    "TODO: CounterClient: connect the clients, read get(), call increment() on each from its own thread, read get() again");
        });
    }
}
