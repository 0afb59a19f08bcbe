package ipclab.grader.run;

import java.lang.management.ManagementFactory;

/**
 * How busy the machine is: the one-minute load average per core, never below 1 (a machine with
 * a core to spare for each runnable process counts as quiet). The reference solution's run
 * records it ({@link Reference#loadPerCore()}); a submission's run that finds the machine busier
 * stretches its time limits by the ratio, at most {@link #MAX_FACTOR} times, so that a busy
 * machine does not fail a correct solution by its limits (a test's own deadlines are the
 * tests' business, counted from events they saw).
 *
 * <pre>{@code
 * var load = new Load.During(reference);
 * Duration limit = reference.limitFor(test, limits, timeFactor * load.factor());
 * }</pre>
 */
public final class Load {
    /** The most a busy machine stretches a limit: a hanging submission costs at most this much more. */
    public static final double MAX_FACTOR = 4;

    private Load() {
    }

    /** The load average per core now, at least 1. */
    public static double perCore() {
        double average = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (average < 0) return 1;  // not available here
        return Math.max(1, average / Runtime.getRuntime().availableProcessors());
    }

    /** How much busier {@code now} is than when the reference ran, between 1 and {@link #MAX_FACTOR}. */
    static double factor(double now, double atReference) {
        return Math.clamp(now / Math.max(1, atReference), 1, MAX_FACTOR);
    }

    /** A run's view of the load: read at most once a second, and the largest factor of the run kept, so a limit only grows. */
    public static final class During {
        private final Reference reference;
        private long readAt;
        private double factor = 1;

        public During(Reference reference) {
            this.reference = reference;
        }

        public synchronized double factor() {
            long now = System.nanoTime();
            if (readAt == 0 || now - readAt > 1_000_000_000L) {
                readAt = now;
                factor = Math.max(factor, Load.factor(perCore(), reference.loadPerCore()));
            }
            return factor;
        }
    }
}
