package ipclab.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Summary statistics of a list of numbers. */
public final class Stats {
    private Stats() {
    }

    /** The numbers of a line such as "3 1 4 1 5"; blank input gives an empty list. */
    public static List<Double> parse(String line) {
        List<Double> numbers = new ArrayList<>();
        if (line == null || line.isBlank()) {
            return numbers;
        }
        for (String word : line.trim().split("\\s+")) {
            try {
                numbers.add(Double.parseDouble(word));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + word, e);
            }
        }
        return numbers;
    }

    public static double mean(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    public static double variance(List<Double> values) {
        double average = mean(values);
        double squares = 0;
        for (double v : values) {
            double difference = v - average;
            squares += difference * difference;
        }
        return squares / values.size();
    }

    /** How many values fall in each of {@code bins} equal bins between the minimum and the maximum. */
    public static Map<Integer, Integer> histogram(List<Double> values, int bins) {
        if (bins <= 0) {
            throw new IllegalArgumentException("bins must be positive: " + bins);
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < bins; i++) {
            counts.put(i, 0);
        }
        if (values.isEmpty()) {
            return counts;
        }
        double lowest = Collections.min(values);
        double highest = Collections.max(values);
        double width = (highest - lowest) / bins;
        for (double v : values) {
            int bin = width == 0 ? 0 : (int) ((v - lowest) / width);
            if (bin >= bins) {
                bin = bins - 1;
            }
            counts.put(bin, counts.get(bin) + 1);
        }
        return counts;
    }
}
