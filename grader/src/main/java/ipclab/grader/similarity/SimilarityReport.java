package ipclab.grader.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

/**
 * The similarity report's files in the output folder: {@code similarity.csv} (a row per pair:
 * lab, both students, JPlag's average and maximum similarity, 0 to 1) and
 * {@code similarity-left-out.csv} (lab, student, why). The HTML report reads the pairs back.
 */
public final class SimilarityReport {
    public static final String PAIRS = "similarity.csv";
    public static final String LEFT_OUT = "similarity-left-out.csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private SimilarityReport() {
    }

    public static void write(Path out, List<Similarity.LabResult> labs) {
        var pairs = new ArrayList<List<?>>();
        pairs.add(List.of("lab", "first", "second", "similarity", "max_similarity"));
        var leftOut = new ArrayList<List<?>>();
        leftOut.add(List.of("lab", "student", "reason"));
        for (var lab : labs) {
            lab.pairs().forEach(
                    p -> pairs.add(List.of(p.lab(), p.first(), p.second(), fraction(p.similarity()), fraction(p.maxSimilarity()))));
            lab.leftOut().forEach(l -> leftOut.add(List.of(l.lab(), l.student(), l.reason())));
        }
        csv(out.resolve(PAIRS), pairs);
        csv(out.resolve(LEFT_OUT), leftOut);
    }

    /** The pairs of a similarity.csv in the folder, if there is one. */
    public static List<Similarity.Pair> read(Path out) {
        Path file = out.resolve(PAIRS);
        if (!Files.isRegularFile(file)) return List.of();
        var format = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            var pairs = new ArrayList<Similarity.Pair>();
            for (var r : parser) {
                pairs.add(new Similarity.Pair(r.get("lab"), r.get("first"), r.get("second"), Double.parseDouble(r.get("similarity")),
                        Double.parseDouble(r.get("max_similarity"))));
            }
            return pairs;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String fraction(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void csv(Path file, List<List<?>> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT)) {
                for (var row : rows) printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
