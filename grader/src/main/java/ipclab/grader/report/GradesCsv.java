package ipclab.grader.report;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code grades.csv}, for a gradebook import: a header row, then one row per student with the
 * points of each lab and the total (0 for a lab not graded).
 *
 * <pre>
 *   student,lab1-fibonacci-shm,lab2-time-server-mq,total
 *   ada,20,24,44
 * </pre>
 */
public final class GradesCsv {
    private GradesCsv() {
    }

    public static String render(ClassResult result) {
        var out = new StringBuilder();
        var header = new ArrayList<String>(List.of("student"));
        header.addAll(result.labs().keySet());
        header.add("total");
        out.append(String.join(",", header.stream().map(GradesCsv::field).toList())).append('\n');
        for (var s : result.students()) {
            var row = new ArrayList<String>(List.of(field(s.student())));
            for (String lab : result.labs().keySet()) row.add(Integer.toString(s.lab(lab).map(g -> g.points()).orElse(0)));
            row.add(Integer.toString(s.points()));
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }

    private static String field(String text) {
        if (text.matches("[A-Za-z0-9._ -]*")) return text;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
