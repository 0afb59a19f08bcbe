package ipclab.testkit;

import java.time.Duration;

/**
 * Deadlines in tests are generous limits, not measurements. On a slow or busy machine they can
 * all be stretched with {@code -Dipclab.timeFactor=2} (or the environment variable
 * {@code IPCLAB_TIME_FACTOR}).
 */
public final class Timing {
    private static final double FACTOR = factor();

    private Timing() {
    }

    public static Duration scaled(Duration limit) {
        return Duration.ofNanos((long) (limit.toNanos() * FACTOR));
    }

    private static double factor() {
        String text = System.getProperty("ipclab.timeFactor", System.getenv().getOrDefault("IPCLAB_TIME_FACTOR", "1"));
        try {
            return Math.max(1, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
