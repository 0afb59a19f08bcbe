package ipclab.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Summary statistics, with streams and arrays. */
public final class Stats {
    private Stats() {
    }

    public static List<Double> parse(String line) {
        return line == null ? List.of()
                : Arrays.stream(line.split(" "))
                        .filter(s -> !s.isEmpty())
                        .map(Stats::number)
                        .toList();
    }

    private static Double number(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!s.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) throw new IllegalArgumentException("not a number: " + s);
                yield Double.valueOf(s);
            }
        };
    }

    private static double[] array(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static double mean(List<Double> values) {
        return Arrays.stream(array(values)).average().orElseThrow();
    }

    public static double median(List<Double> values) {
        double[] a = array(values);
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    public static double variance(List<Double> values) {
        double[] a = array(values);
        double m = mean(values);
        return Arrays.stream(a).map(x -> Math.pow(x - m, 2)).sum() / a.length;
    }

    public static Map<Integer, Integer> histogram(List<Double> values, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be positive: " + bins);
        int[] counts = new int[bins];
        if (!values.isEmpty()) {
            var summary = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            double span = summary.getMax() - summary.getMin();
            values.forEach(v -> counts[span == 0 ? 0 : Math.min(bins - 1, (int) Math.floor((v - summary.getMin()) / span * bins))]++);
        }
        var map = new LinkedHashMap<Integer, Integer>();
        IntStream.range(0, bins).forEach(i -> map.put(i, counts[i]));
        return map;
    }
}
