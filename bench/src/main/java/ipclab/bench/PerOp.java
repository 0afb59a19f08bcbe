package ipclab.bench;

import java.util.ArrayList;

/**
 * Time per call of an operation too short to time alone (tens of nanoseconds to a few
 * microseconds): calls it {@code batch} times between two clock reads and records the average;
 * the percentiles are over those batch averages.
 */
final class PerOp {
    private PerOp() {
    }

    interface Op {
        void run() throws Exception;
    }

    static Result.Latency measure(Op op, int batch, Settings s) throws Exception {
        long end = System.nanoTime() + s.warmup().toNanos();
        for (long done = 0; done < s.maxIterations() && System.nanoTime() - end < 0; done++) op.run();
        var all = Result.Latency.histogram();
        var medians = new ArrayList<Double>();
        for (int run = 0; run < s.runs(); run++) {
            var h = Result.Latency.histogram();
            end = System.nanoTime() + s.run().toNanos();
            for (long done = 0; done < s.maxIterations() && System.nanoTime() - end < 0; done += batch) {
                long t0 = System.nanoTime();
                for (int i = 0; i < batch; i++) op.run();
                // picoseconds would be lost: keep the average in ns, at least 1
                h.recordValue(Math.max(1, (System.nanoTime() - t0) / batch));
            }
            medians.add(Result.Latency.us(h.getValueAtPercentile(50)));
            all.add(h);
        }
        return Result.Latency.of(all, medians, Double.NaN);
    }
}
