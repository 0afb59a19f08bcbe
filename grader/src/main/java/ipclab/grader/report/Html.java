package ipclab.grader.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility;

/**
 * The HTML report, for the instructor, from the Mustache templates beside this class
 * ({@code index.mustache}, {@code student.mustache}; every value HTML-escaped, so a student's
 * name, messages and output render as text): {@code index.html} with the class table (sortable,
 * each student linking to their page), per lab the score histogram (a script-free SVG) and the
 * item analysis, and the similarity pairs; {@code students/<student>.html} with the student's
 * feedback and what only the instructor sees (every message, compiler errors, logs). It works
 * offline: no network, no CDN.
 */
final class Html {
    private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("ipclab/grader/report");
    private static final Mustache INDEX = TEMPLATES.compile("index.mustache");
    private static final Mustache STUDENT = TEMPLATES.compile("student.mustache");
    private static final int CHART_WIDTH = 320, CHART_HEIGHT = 120;

    private Html() {
    }

    /** A similar pair of submissions, as the similarity report found it. */
    record Pair(String lab, String first, String second, String share) {
    }

    record Column(String name, String title, int max) {
    }

    record Cell(String text, String css, int sort) {
    }

    record Row(String student, String page, List<Cell> cells, int total, int max) {
    }

    record Bar(int x, int y, int width, int height, int points, int students, int labelX) {
    }

    record TestRow(String name, int points, String visibility, int passed, int graded, String percent, String flag, boolean unstable) {
    }

    record Failure(String firstLine, int count, String tests, String students) {
    }

    record LabSection(String lab, int maxPoints, int graded, String notGraded, List<Bar> bars, int width, int height,
                      List<TestRow> tests, List<Failure> failures) {
    }

    static String index(ClassResult result, Map<String, StudentFiles> files, List<ItemAnalysis.Lab> analysis, List<Pair> pairs) {
        var columns = result.labs().entrySet().stream().map(e -> new Column(Cells.shortName(e.getKey()), e.getKey(), e.getValue()))
                .toList();
        var rows = new ArrayList<Row>();
        for (var s : result.students()) {
            var cells = new ArrayList<Cell>();
            for (String lab : result.labs().keySet()) {
                var g = s.lab(lab).orElse(null);
                String css = g == null || g.status() != LabStatus.GRADED ? "not" : g.points() == g.maxPoints() ? "full"
                        : g.points() == 0 ? "zero" : "";
                cells.add(new Cell(g == null ? "?" : Cells.cell(g), css, g == null ? -1 : g.points()));
            }
            rows.add(new Row(s.student(), files.get(s.student()).page(), cells, s.points(), s.maxPoints()));
        }
        var model = Map.of("when", result.when().toString(), "sandbox", result.sandbox(), "version", result.graderVersion(),
                "columns", columns, "rows", rows, "labs", analysis.stream().map(Html::section).toList(),
                "pairs", pairs, "hasPairs", !pairs.isEmpty());
        return render(INDEX, model);
    }

    private static LabSection section(ItemAnalysis.Lab lab) {
        int top = lab.distribution().stream().mapToInt(ItemAnalysis.Bin::students).max().orElse(1);
        int slots = lab.maxPoints() + 1;
        int slot = Math.max(4, CHART_WIDTH / Math.max(1, slots));
        var bars = lab.distribution().stream().map(b -> {
            int h = Math.max(2, (CHART_HEIGHT - 30) * b.students() / top);
            int x = b.points() * slot;
            return new Bar(x, CHART_HEIGHT - 14 - h, Math.max(2, slot - 1), h, b.points(), b.students(), x + slot / 2);
        }).toList();
        var tests = lab.tests().stream()
                .map(t -> new TestRow(t.name(), t.points(), t.visibility().name().toLowerCase(), t.passed(), t.graded(),
                        Math.round(t.passRate() * 100) + " %", t.flag() == null ? "" : t.flag() + " passed",
                        Boolean.TRUE.equals(t.unstable())))
                .toList();
        var failures = lab.failures().stream().map(f -> new Failure(f.firstLine(), f.count(), String.join("; ", f.tests()),
                String.join(", ", f.students()))).toList();
        String notGraded = lab.notGraded().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b)
                .orElse("");
        return new LabSection(lab.lab(), lab.maxPoints(), lab.graded(), notGraded, bars, slot * slots, CHART_HEIGHT, tests, failures);
    }

    record TestLine(String name, String visibility, String outcome, String css, int earned, int points, String message) {
    }

    record LabPart(String lab, int points, int maxPoints, String status, String compilerErrors, List<TestLine> tests,
                   List<String> notes, String log) {
    }

    static String student(StudentGrade s, String feedback) {
        var labs = s.labs().stream().map(Html::part).toList();
        var model = Map.of("student", s.student(), "points", s.points(), "maxPoints", s.maxPoints(), "labs", labs, "feedback", feedback);
        return render(STUDENT, model);
    }

    private static LabPart part(LabGrade lab) {
        var tests = lab.tests().stream().map(t -> new TestLine(t.test().name(), visibility(t.test().visibility()),
                t.verdict().name().toLowerCase().replace('_', ' '), t.verdict() == Verdict.PASSED ? "full" : "zero",
                t.earned(), t.test().points(), t.verdict() == Verdict.PASSED ? "" : t.message())).toList();
        return new LabPart(lab.lab(), lab.points(), lab.maxPoints(), lab.status().words(), lab.compilerErrors(), tests, lab.notes(),
                lab.output());
    }

    private static String visibility(Visibility.Level level) {
        return switch (level) {
            case VISIBLE -> "visible";
            case HIDDEN -> "hidden";
            case AFTER_DUE_DATE -> "after the due date";
        };
    }

    private static String render(Mustache template, Object model) {
        var out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }
}
