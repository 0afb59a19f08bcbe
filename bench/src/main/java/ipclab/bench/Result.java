package ipclab.bench;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * One line of the report: what was measured (section, mechanism, language, message size, items
 * per message) and what came out.
 *
 * @param pair  what a Java result and a Python result share when they measure the same thing
 *              (e.g. {@code "pipe"}); empty for a line with no counterpart
 * @param bytes bytes per message (0 where a size makes no sense)
 * @param items items carried per message: 1, or the batch size in the batched variant
 */
record Result(Section section, String mechanism, Language language, String pair, long bytes, int items, Outcome outcome) {

    enum Section {
        ROUND_TRIP("Round trip: benchmark → peer process → benchmark, one message each way"),
        ONE_WAY("One-way throughput: benchmark → peer process, as fast as the peer takes them"),
        CALL_COST("Cost of the calls alone: one send + one receive on the same queue in one process (nobody waits)"),
        STATE("Shared state: one update of a number that two processes share"),
        STARTUP("Child JVM start-up: start to exit of a child that does almost nothing"),
        TIME_SERVER("Lab 2 time server: request type 1 → reply type 3+id, many clients at once"),
        KV_SERVER("Lab 5 key-value server: PUT / GET frames over a UNIX socket, many clients at once");

        final String title;

        Section(String title) {
            this.title = title;
        }
    }

    enum Language { JAVA, PYTHON }

    sealed interface Outcome permits Latency, Rate, Skipped {
    }

    /**
     * Time per operation, in microseconds: percentiles over all runs, and each run's median (their
     * spread says how steady the machine was). {@code perSecond} is the operations per second
     * achieved where that was the point (many clients), else NaN.
     */
    record Latency(long count, double p50, double p90, double p99, double max, List<Double> runMedians,
                   double perSecond)
            implements
                Outcome {

        static Latency of(Histogram all, List<Double> runMedians, double perSecond) {
            return new Latency(all.getTotalCount(), us(all.getValueAtPercentile(50)), us(all.getValueAtPercentile(90)),
                    us(all.getValueAtPercentile(99)), us(all.getMaxValue()), List.copyOf(runMedians), perSecond);
        }

        /** A histogram of nanoseconds, from 1 ns to an hour, three significant digits. */
        static Histogram histogram() {
            return new Histogram(3_600_000_000_000L, 3);
        }

        static double us(long nanos) {
            return nanos / 1000.0;
        }
    }

    /** Messages per second, one figure per run; the report uses the median run. */
    record Rate(List<Double> perRun) implements Outcome {
        double median() {
            var sorted = perRun.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /** Not measured, and why (e.g. the message does not fit the mechanism). */
    record Skipped(String why) implements Outcome {
    }
}
