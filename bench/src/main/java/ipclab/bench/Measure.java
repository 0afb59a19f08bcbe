package ipclab.bench;

import java.io.IOException;
import java.util.ArrayList;

import org.HdrHistogram.Histogram;

/**
 * The two measurements every mechanism gets, over any {@link Link} whose peer runs
 * {@link Ops#serve}. Each warms up, then takes {@code runs} timed runs; a run ends after its
 * duration or {@code maxIterations} messages, whichever comes first.
 */
final class Measure {
    private Measure() {
    }

    /** Round trips of {@code bytes}-byte messages: send one, wait for it to come back; each trip timed alone. */
    static Result.Latency roundTrips(Link link, int bytes, Settings s) throws IOException {
        byte[] message = Ops.message(Ops.ECHO, bytes);
        trips(link, message, s.warmup().toNanos(), s.maxIterations(), null);
        var all = Result.Latency.histogram();
        var medians = new ArrayList<Double>();
        for (int run = 0; run < s.runs(); run++) {
            var h = Result.Latency.histogram();
            trips(link, message, s.run().toNanos(), s.maxIterations(), h);
            medians.add(Result.Latency.us(h.getValueAtPercentile(50)));
            all.add(h);
        }
        return Result.Latency.of(all, medians, Double.NaN);
    }

    private static void trips(Link link, byte[] message, long nanos, long max, Histogram h) throws IOException {
        long end = System.nanoTime() + nanos;
        for (long i = 0; i < max; i++) {
            long t0 = System.nanoTime();
            if (t0 - end > 0) return;
            link.send(message);
            byte[] back = link.receive();
            long t1 = System.nanoTime();
            if (back.length != message.length) {
                throw new IOException("sent " + message.length + " bytes, got " + back.length + " back");
            }
            if (h != null) h.recordValue(t1 - t0);
        }
    }

    /**
     * One-way messages: send as many as the peer takes for a run's duration, then ask the peer
     * how many it got; the rate counts the time until its answer, so nothing still in flight is
     * counted as delivered.
     */
    static Result.Rate oneWay(Link link, int bytes, Settings s) throws IOException {
        byte[] message = Ops.message(Ops.SINK, bytes);
        flood(link, message, s.warmup().toNanos(), s.maxIterations());
        var perRun = new ArrayList<Double>();
        for (int run = 0; run < s.runs(); run++) {
            perRun.add(flood(link, message, s.run().toNanos(), s.maxIterations()));
        }
        return new Result.Rate(perRun);
    }

    private static double flood(Link link, byte[] message, long nanos, long max) throws IOException {
        byte[] count = Ops.message(Ops.COUNT, 1);
        long start = System.nanoTime();
        long end = start + nanos;
        long sent = 0;
        while (sent < max && System.nanoTime() - end < 0) {
            link.send(message);
            sent++;
        }
        link.send(count);
        long got = Ops.parseCount(link.receive());
        long elapsed = System.nanoTime() - start;
        if (got != sent) throw new IOException("sent " + sent + " messages, the peer counted " + got);
        return sent * 1e9 / elapsed;
    }
}
