package ipclab.stats;

import java.util.List;
import java.util.Map;

/** Summary statistics of a list of numbers. */
public final class Stats {
    private Stats() {
    }

    /** The numbers of a line such as "3 1 4 1 5"; blank input gives an empty list. */
    public static List<Double> parse(String line) {
        throw new UnsupportedOperationException("TODO: parse the numbers");
    }

    public static double mean(List<Double> values) {
        throw new UnsupportedOperationException("TODO: the mean");
    }

    public static double median(List<Double> values) {
        throw new UnsupportedOperationException("TODO: the median");
    }

    public static double variance(List<Double> values) {
        throw new UnsupportedOperationException("TODO: the variance");
    }

    /** How many values fall in each of {@code bins} equal bins between the minimum and the maximum. */
    public static Map<Integer, Integer> histogram(List<Double> values, int bins) {
        throw new UnsupportedOperationException("TODO: the histogram");
    }
}
