package ipclab.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;

import org.HdrHistogram.Histogram;

/**
 * Many clients of one server at once, as fast as it answers: {@code c} client threads of this
 * JVM, each with its own connection (a {@link Client}), send a request and wait for its reply
 * in a loop. Each request's round trip is timed; the result is the percentiles over all
 * clients, and the requests per second of all clients together (the median run's).
 */
final class ClientLoad {
    private ClientLoad() {
    }

    /** One client's connection to the server. */
    interface Client extends AutoCloseable {
        /** Sends request number {@code i} and waits for its reply; an {@link IOException} if the reply is wrong. */
        void request(long i) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens client number {@code id} (1, 2, …). */
    interface Clients {
        Client open(int id) throws Exception;
    }

    /** Warms up, then takes {@code s.runs()} runs of {@code s.run()} with {@code clients} clients at once. */
    static Result.Latency measure(Clients factory, int clients, Settings s) throws InterruptedException, IOException {
        long perClientMax = Math.max(1, s.maxIterations() / clients);
        round(factory, clients, s.warmup(), perClientMax);
        var all = Result.Latency.histogram();
        var medians = new ArrayList<Double>();
        var rates = new ArrayList<Double>();
        for (int run = 0; run < s.runs(); run++) {
            var r = round(factory, clients, s.run(), perClientMax);
            all.add(r.histogram());
            medians.add(Result.Latency.us(r.histogram().getValueAtPercentile(50)));
            rates.add(r.histogram().getTotalCount() * 1e9 / r.nanos());
        }
        double medianRate = rates.stream().sorted().toList().get(rates.size() / 2);
        return Result.Latency.of(all, medians, medianRate);
    }

    private record Round(Histogram histogram, long nanos) {
    }

    /** All clients at once for the duration; each thread has its own histogram, merged at the end. */
    private static Round round(Clients factory, int clients, Duration duration, long perClientMax)
            throws InterruptedException, IOException {
        var gate = new CountDownLatch(1);
        var ready = new CountDownLatch(clients);
        var histograms = new ArrayList<Histogram>();
        var failures = new ArrayList<Throwable>();
        var threads = new ArrayList<Thread>();
        for (int c = 1; c <= clients; c++) {
            var h = Result.Latency.histogram();
            histograms.add(h);
            int id = c;
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                try (var client = factory.open(id)) {
                    ready.countDown();
                    gate.await();
                    long end = System.nanoTime() + duration.toNanos();
                    for (long i = 0; i < perClientMax && System.nanoTime() - end < 0; i++) {
                        long t0 = System.nanoTime();
                        client.request(i);
                        h.recordValue(System.nanoTime() - t0);
                    }
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                    ready.countDown();
                }
            }));
        }
        ready.await();  // connections are made before the clock starts
        long t0 = System.nanoTime();
        gate.countDown();
        for (var t : threads) t.join();
        long nanos = System.nanoTime() - t0;
        if (!failures.isEmpty()) {
            var first = failures.getFirst();
            throw new IOException("a client failed: " + first.getMessage(), first);
        }
        var merged = Result.Latency.histogram();
        histograms.forEach(merged::add);
        return new Round(merged, nanos);
    }
}
