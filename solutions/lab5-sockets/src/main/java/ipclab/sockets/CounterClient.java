package ipclab.sockets;

import java.util.ArrayList;
import java.util.Locale;

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
            var counters = new ArrayList<Counter>();
            try {
                for (int i = 0; i < clients; i++) counters.add(RpcClient.connect(Counter.class, address, authkey));
            } catch (AuthenticationException e) {
                throw new Cli.Failure("authentication failed");
            } catch (java.io.UncheckedIOException e) {
                throw new Cli.Failure("cannot connect to " + ipclab.ipc.Address.format(address));
            }
            long before = counters.getFirst().get();
            long start = System.nanoTime();
            var threads = new ArrayList<Thread>();
            var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
            for (Counter counter : counters) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < calls; i++) counter.increment();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread t : threads) t.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) throw new Cli.Failure("a call failed: " + failure.get().getMessage());
            long after = counters.getFirst().get();
            long total = (long) clients * calls;
            System.out.println("expected=" + total + " actual=" + (after - before));
            System.out.println("calls per second: " + String.format(Locale.ROOT, "%.1f", seconds > 0 ? total / seconds : 0.0));
            return Cli.OK;
        });
    }
}
