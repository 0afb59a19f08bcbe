package ipclab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Latency;
import ipclab.bench.Result.Rate;
import ipclab.bench.Result.Section;
import ipclab.bench.Result.Skipped;

/**
 * The terminal table (one block per section, each Java line with its Python counterpart and the
 * ratio Java/Python beside it) and the CSV with every figure, one line per result.
 */
final class Report {
    private static final String LATENCY_HEAD = "%-42s %-10s %9s %9s %9s %9s %-19s │ %-24s %9s %s";
    private static final String RATED_HEAD = "%-42s %-10s %9s %9s %9s %9s %-19s %10s";
    private static final String RATE_HEAD = "%-42s %-10s %11s %10s %13s %-21s │ %-24s %11s %s";

    private Report() {
    }

    static void table(List<Result> results, PrintStream out) {
        for (Section section : Section.values()) {
            var rows = results.stream().filter(r -> r.section() == section).toList();
            if (rows.isEmpty()) continue;
            out.println();
            out.println(section.title);
            boolean rates = rows.stream().anyMatch(r -> r.outcome() instanceof Rate);
            boolean rated = rows.stream().anyMatch(r -> r.outcome() instanceof Latency l && !Double.isNaN(l.perSecond()));
            out.println(rates
                    ? String.format(RATE_HEAD, "mechanism", "message", "msgs/s", "MiB/s", "items/s", "runs (msgs/s)", "Python (same run)",
                            "msgs/s", "Java/Python")
                    : rated
                            ? String.format(RATED_HEAD, "what", "", "p50", "p90", "p99", "max", "run medians", "per second")
                    : String.format(LATENCY_HEAD, "mechanism", "message", "p50", "p90", "p99", "max", "run medians", "Python (same run)",
                            "p50", "Java/Python"));
            var shown = new ArrayList<Result>();
            for (Result r : rows) {
                if (shown.contains(r)) continue;
                var partner = r.language() == Language.JAVA ? partner(r, rows) : Optional.<Result>empty();
                shown.add(r);
                partner.ifPresent(shown::add);
                out.println(line(r, partner, rates));
            }
        }
    }

    private static Optional<Result> partner(Result java, List<Result> rows) {
        if (java.pair().isEmpty()) return Optional.empty();
        return rows.stream().filter(p -> p.language() == Language.PYTHON && p.pair().equals(java.pair())
                && p.bytes() == java.bytes() && p.items() == java.items()).findFirst();
    }

    private static String line(Result r, Optional<Result> partner, boolean rates) {
        String name = r.language() == Language.PYTHON ? "(Python) " + r.mechanism() : r.mechanism();
        String size = size(r.bytes(), r.items());
        String left = switch (r.outcome()) {
            case Latency l -> String.format("%-42s %-10s %9s %9s %9s %9s %-19s", name, size, time(l.p50()), time(l.p90()),
                    time(l.p99()), time(l.max()), spread(l.runMedians(), true))
                    + (Double.isNaN(l.perSecond()) ? "" : String.format(" %10s", count(l.perSecond())));
            case Rate rate -> String.format("%-42s %-10s %11s %10s %13s %-21s", name, size, count(rate.median()),
                    mib(rate.median() * r.bytes()), r.items() > 1 ? count(rate.median() * r.items()) : "", spread(rate.perRun(), false));
            case Skipped s -> String.format("%-42s %-10s %s", name, size, "— " + s.why());
        };
        if (partner.isEmpty()) return left;
        var p = partner.get();
        String right = switch (p.outcome()) {
            case Latency l -> String.format("%9s %s", time(l.p50()), ratio(r.outcome(), l));
            case Rate rate -> String.format("%11s %s", count(rate.median()), ratio(r.outcome(), rate));
            case Skipped s -> "— " + s.why();
        };
        int width = rates ? 42 + 1 + 10 + 1 + 11 + 1 + 10 + 1 + 13 + 1 + 21 : 42 + 1 + 10 + 4 * 10 + 1 + 19;
        if (p.outcome() instanceof Skipped && r.outcome() instanceof Skipped) return left;  // said once is enough
        return String.format("%-" + width + "s │ %-24s %s", left, p.mechanism(), right);
    }

    private static String ratio(Result.Outcome java, Result.Outcome python) {
        if (java instanceof Latency j && python instanceof Latency p) {
            double ratio = j.p50() / p.p50();
            return String.format(Locale.ROOT, "%5.2f  (Java %s)", ratio,
                    ratio <= 1 ? times(1 / ratio) + " faster" : times(ratio) + " slower");
        }
        if (java instanceof Rate j && python instanceof Rate p) {
            double ratio = j.median() / p.median();
            return String.format(Locale.ROOT, "%5.2f  (Java %s)", ratio,
                    ratio >= 1 ? times(ratio) + " faster" : times(1 / ratio) + " slower");
        }
        return "";
    }

    private static String times(double x) {
        return String.format(Locale.ROOT, x < 10 ? "%.1f×" : "%.0f×", x);
    }

    /** The whole result in one line, for the progress output. */
    static String oneLine(Result r) {
        String what = (r.language() == Language.PYTHON ? "(Python) " : "") + r.mechanism() + ", " + size(r.bytes(), r.items());
        return switch (r.outcome()) {
            case Latency l -> String.format("%-60s p50 %s  p99 %s%s", what, time(l.p50()), time(l.p99()),
                    Double.isNaN(l.perSecond()) ? "" : "  " + count(l.perSecond()) + "/s");
            case Rate rate -> String.format("%-60s %s msgs/s  %s MiB/s", what, count(rate.median()), mib(rate.median() * r.bytes()));
            case Skipped s -> String.format("%-60s skipped: %s", what, s.why());
        };
    }

    static String size(long bytes, int items) {
        if (bytes == 0) return "";
        if (items > 1) return items + " × " + size(bytes / items, 1);
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MiB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KiB";
        return bytes + " B";
    }

    /** A time given in microseconds, in the unit that reads best. */
    static String time(double us) {
        if (us < 1) return String.format(Locale.ROOT, "%.0f ns", us * 1000);
        if (us < 10) return String.format(Locale.ROOT, "%.2f µs", us);
        if (us < 1000) return String.format(Locale.ROOT, "%.1f µs", us);
        if (us < 10_000) return String.format(Locale.ROOT, "%.2f ms", us / 1000);
        return String.format(Locale.ROOT, "%.0f ms", us / 1000);
    }

    static String count(double perSecond) {
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        if (perSecond >= 1e4) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        if (perSecond >= 100) return String.format(Locale.ROOT, "%.0f", perSecond);
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String mib(double bytesPerSecond) {
        return bytesPerSecond == 0 ? "" : String.format(Locale.ROOT, "%.1f", bytesPerSecond / (1024 * 1024));
    }

    private static String spread(List<Double> values, boolean time) {
        if (values.size() < 2) return "";
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return time ? time(min) + "–" + time(max) : count(min) + "–" + count(max);
    }

    static final List<String> CSV_HEADER = List.of("section", "mechanism", "language", "pair", "bytes", "items", "count",
            "p50_us", "p90_us", "p99_us", "max_us", "run_medians_us", "per_second", "msgs_per_s", "mib_per_s", "items_per_s",
            "runs_msgs_per_s", "note");

    /** Every result as a row of RFC 4180 CSV (Commons CSV quotes commas, quotes and newlines). */
    static void csv(List<Result> results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var format = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).setRecordSeparator('\n').get();
        try (var printer = new CSVPrinter(Files.newBufferedWriter(file), format)) {
            for (Result r : results) {
                var row = new ArrayList<String>(List.of(r.section().name().toLowerCase(Locale.ROOT), r.mechanism(),
                        r.language().name().toLowerCase(Locale.ROOT), r.pair(), Long.toString(r.bytes()), Integer.toString(r.items())));
                row.addAll(switch (r.outcome()) {
                    case Latency l -> List.of(Long.toString(l.count()), num(l.p50()), num(l.p90()), num(l.p99()), num(l.max()),
                            joined(l.runMedians()), Double.isNaN(l.perSecond()) ? "" : num(l.perSecond()), "", "", "", "", "");
                    case Rate rate ->
                        List.of("", "", "", "", "", "", "", num(rate.median()), num(rate.median() * r.bytes() / (1024 * 1024)),
                                num(rate.median() * r.items()), joined(rate.perRun()), "");
                    case Skipped s -> List.of("", "", "", "", "", "", "", "", "", "", "", s.why());
                });
                printer.printRecord(row);
            }
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String joined(List<Double> values) {
        return values.stream().map(Report::num).collect(Collectors.joining(" "));
    }
}
