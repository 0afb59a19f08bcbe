package ipclab.grader.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code grades.csv}, the instructor's sheet: a header row, then one row per student with the
 * points of each lab and the total (0 for a lab not graded). RFC 4180 through Commons CSV
 * (fields quoted where needed, lines ending in {@code \n}).
 *
 * <pre>
 *   student,lab1-fibonacci-shm,lab2-time-server-mq,total
 *   ada,20,24,44
 * </pre>
 */
public final class GradesCsv {
    /** The CSV dialect of every CSV the grader writes. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private GradesCsv() {
    }

    public static String render(ClassResult result) {
        var header = new ArrayList<Object>(List.of("student"));
        header.addAll(result.labs().keySet());
        header.add("total");
        var rows = new ArrayList<List<?>>();
        rows.add(header);
        for (var s : result.students()) {
            var row = new ArrayList<Object>(List.of(s.student()));
            for (String lab : result.labs().keySet()) row.add(s.lab(lab).map(g -> g.points()).orElse(0));
            row.add(s.points());
            rows.add(row);
        }
        return csv(rows);
    }

    /** Rows as CSV text in the grader's dialect. */
    static String csv(List<? extends List<?>> rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, FORMAT)) {
            for (var row : rows) printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
