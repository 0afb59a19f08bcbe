package ipclab.grader.report;

import java.util.ArrayList;
import java.util.List;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.StudentGrade;

/**
 * The class on the terminal: a row per student, a column per lab and the total, with the
 * maximum on top and a legend for the cells that are not points.
 *
 * <pre>
 *   student   lab1  lab2  total
 *   (max)       20    24     44
 *   ada         20    24     44
 *   cyd      javac     -      0
 * </pre>
 */
public final class ClassTable {
    private ClassTable() {
    }

    public static String render(ClassResult result) {
        var header = new ArrayList<String>(List.of("student"));
        result.labs().keySet().forEach(l -> header.add(Cells.shortName(l)));
        header.add("total");
        var rows = new ArrayList<List<String>>();
        var max = new ArrayList<String>(List.of("(max)"));
        result.labs().values().forEach(m -> max.add(Integer.toString(m)));
        max.add(Integer.toString(result.labs().values().stream().mapToInt(Integer::intValue).sum()));
        rows.add(max);
        for (StudentGrade s : result.students()) {
            var row = new ArrayList<String>(List.of(s.student()));
            for (String lab : result.labs().keySet()) row.add(s.lab(lab).map(Cells::cell).orElse("?"));
            row.add(Integer.toString(s.points()));
            rows.add(row);
        }
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(header.get(c));
            for (var row : rows) widths[c] = Math.max(widths[c], width(row.get(c)));
        }
        var out = new StringBuilder();
        line(out, header, widths);
        for (var row : rows) line(out, row, widths);
        boolean any = result.students().stream().flatMap(s -> s.labs().stream())
                .anyMatch(g -> g.status() != ipclab.grader.score.LabStatus.GRADED);
        if (any)
            out.append(
                    "  (- not submitted, starter: unchanged from the starter, javac: does not compile, ERROR: the grader failed — see the feedback)\n");
        var unstable = result.students().stream().flatMap(s -> s.labs().stream().flatMap(g -> g.unstableTests().stream()
                .map(t -> s.student() + " " + Cells.shortName(g.lab()) + " " + t.test().shortName() + " (passed " + t.passes() + "/"
                        + t.runs() + ")")))
                .toList();
        if (!unstable.isEmpty()) {
            out.append("  (").append(Cells.UNSTABLE).append(" unstable: a test's verdict differed between runs; the majority counts)\n");
            unstable.forEach(u -> out.append("    unstable: ").append(u).append('\n'));
        }
        for (var g : result.control()) {
            out.append(String.format("  control %s: the reference solution scored %d/%d in this run%n", Cells.shortName(g.lab()),
                    g.points(), g.maxPoints()));
        }
        result.infrastructureProblems().forEach(p -> out.append("  INFRASTRUCTURE PROBLEM: ").append(p).append('\n'));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            out.append("  ").append(c == 0 ? cell + pad : pad + cell);
        }
        out.append('\n');
    }

    /** Columns a terminal gives the text: combining marks none, Chinese, Japanese and Korean characters two. */
    static int width(String text) {
        return text.codePoints().map(c -> switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> 0;
            default -> switch (Character.UnicodeScript.of(c)) {
                case HAN, HIRAGANA, KATAKANA, HANGUL -> 2;
                default -> 1;
            };
        }).sum();
    }

    /** One line for a lab's grade, as the progress log prints it. */
    public static String summary(String student, LabGrade g) {
        return student + " " + Cells.shortName(g.lab()) + ": " + (g.status() == ipclab.grader.score.LabStatus.GRADED
                ? g.points() + "/" + g.maxPoints() : g.status().words());
    }
}
