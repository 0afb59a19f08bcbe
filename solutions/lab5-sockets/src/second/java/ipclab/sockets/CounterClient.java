package ipclab.sockets;

import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/**
 * Part C's load generator (second solution): opens {@code clients} connections to a
 * {@link CounterServer}, calls {@code increment()} {@code calls} times on each from a thread of
 * its own, and prints how much the counter grew against what was expected, and the rate.
 *
 * <pre>
 * $ ./run CounterClient unix:/tmp/counter.sock --authkey-file key.txt 4 10000
 * expected=40000 actual=40000
 * calls per second: 21834.5
 * </pre>
 */
public final class CounterClient {
    /** The remote counter with a way to hang up. */
    interface Line extends Counter, AutoCloseable {
        @Override
        void close();
    }

    private CounterClient() {
    }

    public static void main(String[] argv) {
        Program.main(argv, "CounterClient <address> --authkey-file <file> <clients> <calls>", true, words -> {
            words.expect(3, false);
            var address = words.address(0);
            int clients = words.count(1, "clients", 1, 64);
            int calls = words.count(2, "calls", 0, 100_000);
            byte[] key = words.authkey();
            var lines = new ArrayList<Line>();
            try {
                for (int i = 0; i < clients; i++) lines.add(RpcClient.connect(Line.class, address, key));
                long before = lines.getFirst().get();
                var work = new ArrayList<Callable<Void>>();
                for (var line : lines) {
                    work.add(() -> {
                        for (int c = 0; c < calls; c++) line.increment();
                        return null;
                    });
                }
                long start = System.nanoTime();
                try (var pool = Executors.newFixedThreadPool(clients)) {
                    for (var done : pool.invokeAll(work)) done.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long grown = lines.getFirst().get() - before;
                System.out.println("expected=" + (long) clients * calls + " actual=" + grown);
                System.out.println("calls per second: " + String.format(Locale.ROOT, "%.1f", (long) clients * calls / seconds));
            } catch (Endpoint.Unreachable none) {
                throw new Program.Fault(none.getMessage());
            } finally {
                lines.forEach(Line::close);
            }
            return 0;
        });
    }
}
