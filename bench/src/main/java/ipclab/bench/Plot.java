package ipclab.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Latency;
import ipclab.bench.Result.Rate;
import ipclab.bench.Result.Section;

/**
 * One PNG a student can open, four panels: round-trip latency against message size, one-way
 * throughput against message size (both log-log, Java solid, Python dashed, one colour per
 * mechanism), the cost per item of one item per trip against many items per trip, and child
 * start-up. Drawn with XChart, headless.
 */
final class Plot {
    private static final int W = 820;
    private static final int H = 540;
    private static final int HEADER = 44;
    /** The mechanisms drawn (the authenticated Connection is left out: per message it is the plain one). */
    private static final List<String> PAIRS = List.of("pipe", "mq", "pq", "shm", "unix", "tcp", "conn");
    private static final Map<String, Color> COLORS = Map.of(
            "pipe", new Color(0x1f77b4), "mq", new Color(0xff7f0e), "pq", new Color(0x2ca02c), "shm", new Color(0xd62728),
            "unix", new Color(0x9467bd), "tcp", new Color(0x8c564b), "conn", new Color(0xe377c2));
    private static final Map<String, String> JAVA_NAMES = Map.of(
            "pipe", "pipe (framed)", "mq", "MessageQueue", "pq", "ProcessQueue", "shm", "shm ring",
            "unix", "UNIX socket", "tcp", "TCP loopback", "conn", "Connection (Lab 5)");
    private static final Map<String, String> PYTHON_NAMES = Map.of(
            "pipe", "Python Pipe", "mq", "Python sysv_ipc", "pq", "Python Queue",
            "unix", "Python AF_UNIX", "tcp", "Python AF_INET", "conn", "Python mp.connection");

    private Plot() {
    }

    /** Writes {@code ipc-bench.png} into the folder; empty (and a note saying why) if it could not. */
    static List<Path> write(List<Result> results, Path dir, Environment environment, List<String> notes) {
        System.setProperty("java.awt.headless", "true");
        try {
            var panels = List.<Chart<?, ?>>of(roundTrips(results), throughput(results), batching(results), startup(results));
            var image = new BufferedImage(2 * W, HEADER + 2 * H, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString("What IPC costs — the ipc-labs kit (Java) and the course's Python, same machine, same run", 16, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(environment.caption(), 16, 42);
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), (i % 2) * W, HEADER + (i / 2) * H, null);
            }
            g.dispose();
            Files.createDirectories(dir);
            Path png = dir.resolve("ipc-bench.png");
            ImageIO.write(image, "png", png.toFile());
            return List.of(png);
        } catch (IOException | RuntimeException | Error e) {  // no fonts or no AWT on this JDK: the CSV still has it all
            notes.add("the plot was not written: " + e);
            return List.of();
        }
    }

    private static XYChart roundTrips(List<Result> results) {
        var chart = xy("Round trip (p50) by message size", "round trip, p50 (µs, log scale)");
        sizeSeries(chart, results, Section.ROUND_TRIP, r -> r.outcome() instanceof Latency l ? l.p50() : Double.NaN);
        return chart;
    }

    private static XYChart throughput(List<Result> results) {
        var chart = xy("One-way throughput by message size", "MiB/s (log scale)");
        sizeSeries(chart, results, Section.ONE_WAY,
                r -> r.outcome() instanceof Rate rate ? rate.median() * r.bytes() / (1024 * 1024) : Double.NaN);
        return chart;
    }

    private static XYChart xy(String title, String yTitle) {
        var chart = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle("message size in bytes (log scale)").yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    /** One line per mechanism and language: its single-item sizes, with the value the function takes. */
    private static void sizeSeries(XYChart chart, List<Result> results, Section section, ToDoubleFunction<Result> value) {
        for (Language language : Language.values()) {
            for (String pair : PAIRS) {
                var x = new ArrayList<Double>();
                var y = new ArrayList<Double>();
                for (Result r : results) {
                    if (r.section() != section || r.language() != language || !r.pair().equals(pair) || r.items() != 1) continue;
                    double v = value.applyAsDouble(r);
                    if (Double.isNaN(v) || v <= 0) continue;
                    x.add((double) r.bytes());
                    y.add(v);
                }
                if (x.isEmpty()) continue;
                var series = chart.addSeries(name(language, pair), x, y);
                series.setLineColor(COLORS.get(pair));
                series.setMarkerColor(COLORS.get(pair));
                series.setLineStyle(language == Language.JAVA ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
                series.setMarker(language == Language.JAVA ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            }
        }
    }

    /** Per item: one 64-byte item per round trip, against the batch's round trip divided by its items. */
    private static CategoryChart batching(List<Result> results) {
        var single = new LinkedHashMap<String, Double>();
        var batched = new LinkedHashMap<String, Double>();
        for (Language language : Language.values()) {
            for (String pair : PAIRS) {
                for (Result r : results) {
                    if (r.section() != Section.ROUND_TRIP || r.language() != language || !r.pair().equals(pair)) continue;
                    if (!(r.outcome() instanceof Latency l)) continue;
                    if (r.items() > 1) batched.put(name(language, pair), l.p50() / r.items());
                    else if (r.bytes() * 64 == batchBytes(results, language, pair)) single.put(name(language, pair), l.p50());
                }
            }
        }
        var names = single.keySet().stream().filter(batched::containsKey).toList();
        int items = results.stream().filter(r -> r.items() > 1).mapToInt(Result::items).findFirst().orElse(64);
        var chart = new CategoryChartBuilder().width(W).height(H).title("\"Do significant work in one trip\": time per item")
                .xAxisTitle("").yAxisTitle("µs per item: round trip p50 ÷ items per trip (log scale)").build();
        style(chart.getStyler());
        // plain bars cannot stand on a log axis (they start at 0); stepped bars can
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.SteppedBar);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("#,##0.##");
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x9467bd), new Color(0x17becf)});
        if (names.isEmpty()) {
            chart.addSeries("no data", List.of("—"), List.of(1));
            return chart;
        }
        chart.addSeries("1 item of 64 B per trip", names, names.stream().map(single::get).toList());
        chart.addSeries(items + " items of 64 B per trip", names, names.stream().map(batched::get).toList());
        return chart;
    }

    private static long batchBytes(List<Result> results, Language language, String pair) {
        return results.stream().filter(r -> r.items() > 1 && r.language() == language && r.pair().equals(pair))
                .mapToLong(r -> r.bytes() / r.items() * 64).findFirst().orElse(-1);
    }

    private static CategoryChart startup(List<Result> results) {
        var names = new ArrayList<String>();
        var values = new ArrayList<Double>();
        for (Result r : results) {
            if (r.section() != Section.STARTUP || !(r.outcome() instanceof Latency l) || l.count() < 2) continue;
            names.add(startupName(r));
            values.add(l.p50() / 1000);
        }
        var chart = new CategoryChartBuilder().width(W).height(H).title("Starting a child process, start to exit (p50)")
                .xAxisTitle("").yAxisTitle("milliseconds").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLabelsPosition(0.95);
        chart.getStyler().setDecimalPattern("#,##0");
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x8c564b)});
        if (names.isEmpty()) {
            chart.addSeries("start-up", List.of("not measured"), List.of(0));
        } else {
            chart.addSeries("start-up", names, values);
        }
        return chart;
    }

    /** A bar label short enough to stand level under its bar. */
    private static String startupName(Result r) {
        String name = r.mechanism().replace("child JVM: ", "").replace("multiprocessing.Process, ", "");
        name = name.replace("kit child (maps a segment)", "kit child").replace("kit child, -Xshare:off (no CDS)", "kit, no CDS")
                .replace("kit child, AppCDS archive", "kit, AppCDS").replace("kit child, AOT cache (JDK 25)", "kit, AOT cache");
        return r.language() == Language.PYTHON ? "Python " + name : name;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xdddddd));
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartTitleBoxVisible(false);
    }

    private static String name(Language language, String pair) {
        return language == Language.JAVA ? JAVA_NAMES.get(pair) : PYTHON_NAMES.getOrDefault(pair, "Python " + pair);
    }
}
