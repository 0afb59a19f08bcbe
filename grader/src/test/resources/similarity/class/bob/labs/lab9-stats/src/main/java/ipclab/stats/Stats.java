package ipclab.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Statistics. */
public final class Stats {
    private Stats() {
    }

    /** How many values fall in each bin. */
    public static Map<Integer, Integer> histogram(List<Double> xs, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bins must be positive: " + n);
        }
        Map<Integer, Integer> result = new TreeMap<>();
        for (int k = 0; k < n; k++) {
            result.put(k, 0);
        }
        if (xs.isEmpty()) {
            return result;
        }
        double lo = Collections.min(xs);
        double hi = Collections.max(xs);
        double step = (hi - lo) / n;
        for (double x : xs) {
            int slot = step == 0 ? 0 : (int) ((x - lo) / step);
            if (slot >= n) {
                slot = n - 1;
            }
            result.put(slot, result.get(slot) + 1);
        }
        return result;
    }

    public static double variance(List<Double> xs) {
        double m = mean(xs);
        double total = 0;
        for (double x : xs) {
            double d = x - m;
            total += d * d;
        }
        return total / xs.size();
    }

    public static double mean(List<Double> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.size();
    }

    /** Parses the numbers. */
    public static List<Double> parse(String text) {
        List<Double> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String token : text.trim().split("\\s+")) {
            try {
                out.add(Double.parseDouble(token));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("not a number: " + token, ex);
            }
        }
        return out;
    }

    public static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> copy = new ArrayList<>(xs);
        Collections.sort(copy);
        int mid = copy.size() / 2;
        if (copy.size() % 2 == 1) {
            return copy.get(mid);
        }
        return (copy.get(mid - 1) + copy.get(mid)) / 2.0;
    }
}
