package ipclab.testkit;

import java.util.List;

import org.junit.platform.engine.TestExecutionResult;

/**
 * One lab's self-check, as {@link SelfCheck} prints it in a terminal ({@link #text}) and in a
 * GitHub job summary ({@link #markdown}):
 *
 * <pre>
 * lab1-fibonacci-shm: 2 of 3 public tests passed, 3 / 6 points
 *   pass  1/1  prints the sequence
 *   FAIL  0/3  locked counter loses no increment
 * 40 more points are graded by hidden tests.
 *
 * locked counter loses no increment: expected 32000 but was 31877
 *   hint: (when the lab's {@link Hints} recognise the failure)
 *   run it alone: ./mvnw test -pl labs/lab1-fibonacci-shm -am -Dtest=SharedCounterPublicTest#lockedCounterLosesNoIncrement
 * </pre>
 *
 * @param hiddenPoints the points of the lab's hidden tests
 */
public record SelfCheckTable(String lab, List<Row> rows, int hiddenPoints) {

    public enum Outcome { PASSED, FAILED, SKIPPED, NOT_RUN }

    /** One test method (a parameterized test is one row, failed when a case failed). */
    public record Row(String className, String method, String name, int points, Outcome outcome, String message, String hint) {
        Row with(TestExecutionResult.Status status, String message, String hint) {
            return switch (status) {
                case SUCCESSFUL ->
                    outcome == Outcome.NOT_RUN ? new Row(className, method, name, points, Outcome.PASSED, this.message, this.hint) : this;
                case FAILED -> outcome == Outcome.FAILED ? this : new Row(className, method, name, points, Outcome.FAILED, message, hint);
                case ABORTED -> outcome == Outcome.FAILED ? this : new Row(className, method, name, points, Outcome.SKIPPED, message, hint);
            };
        }

        Row notRunBecause(String why) {
            return outcome == Outcome.NOT_RUN && !why.isBlank()
                    ? new Row(className, method, name, points, Outcome.FAILED, "did not run: " + why, "") : this;
        }

        int earned() {
            return outcome == Outcome.PASSED ? points : 0;
        }

        boolean failed() {
            return outcome == Outcome.FAILED || outcome == Outcome.NOT_RUN;
        }

        String simpleClassName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    public int points() {
        return rows.stream().mapToInt(Row::earned).sum();
    }

    public int maxPoints() {
        return rows.stream().mapToInt(Row::points).sum();
    }

    /** The command that runs one test alone, from the repository's root. */
    public String rerun(Row row) {
        return "./mvnw test -pl labs/" + lab + " -am -Dtest=" + row.simpleClassName() + "#" + row.method();
    }

    public String text() {
        long passed = rows.stream().filter(r -> r.outcome() == Outcome.PASSED).count();
        var out = new StringBuilder("\n").append(lab).append(": ").append(passed).append(" of ").append(rows.size())
                .append(" public tests passed, ").append(points()).append(" / ").append(maxPoints()).append(" points\n");
        for (var r : rows) {
            out.append(String.format("  %-4s  %d/%d  %s%n", mark(r), r.earned(), r.points(), r.name()));
        }
        out.append(hiddenPoints).append(" more points are graded by hidden tests.\n");
        for (var r : rows) {
            if (!r.failed()) continue;
            out.append('\n').append(r.name()).append(": ").append(r.message().isBlank() ? "did not run" : r.message()).append('\n');
            if (!r.hint().isBlank()) out.append("  hint: ").append(r.hint()).append('\n');
            out.append("  run it alone: ").append(rerun(r)).append('\n');
        }
        return out.append('\n').toString();
    }

    public String markdown() {
        var out = new StringBuilder("### ").append(lab).append(": ").append(points()).append(" / ").append(maxPoints())
                .append(" public points\n\n| | test | points |\n|---|---|---|\n");
        for (var r : rows) {
            out.append("| ").append(r.outcome() == Outcome.PASSED ? "✅" : r.failed() ? "❌" : "➖").append(" | ").append(cell(r.name()))
                    .append(" | ").append(r.earned()).append(" / ").append(r.points()).append(" |\n");
        }
        out.append("\n").append(hiddenPoints).append(" more points are graded by hidden tests.\n");
        var failures = rows.stream().filter(Row::failed).toList();
        if (!failures.isEmpty()) {
            out.append("\n<details><summary>What failed, and how to run it alone</summary>\n\n");
            for (var r : failures) {
                out.append("- **").append(cell(r.name())).append("**: ").append(cell(r.message()))
                        .append(r.hint().isBlank() ? "" : "<br>Hint: " + cell(r.hint())).append("<br>`").append(rerun(r)).append("`\n");
            }
            out.append("\n</details>\n");
        }
        return out.append('\n').toString();
    }

    /**
     * The first line of a failure's message, joined with the lines that complete it: up to the
     * end of an AssertJ {@code [description]}, after a line ending in a colon ("Expecting
     * actual:"), and the {@code expected:}/{@code but was:} pair; the exception's name when it
     * has no message.
     */
    static String firstLine(Throwable t) {
        String message = t.getMessage();
        var lines = message == null ? List.<String>of() : message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return t.getClass().getSimpleName();
        var result = new StringBuilder(lines.getFirst());
        for (int i = 1; i < Math.min(lines.size(), 8); i++) {
            String so = result.toString();
            String next = lines.get(i);
            boolean open = (so.startsWith("[") && !so.contains("]")) || so.endsWith(":") || so.endsWith("]")
                    || next.startsWith("expected:") || next.startsWith("but was");
            if (!open) break;
            result.append(' ').append(next);
        }
        return result.length() > 300 ? result.substring(0, 300) + "…" : result.toString();
    }

    private static String mark(Row r) {
        return switch (r.outcome()) {
            case PASSED -> "pass";
            case FAILED, NOT_RUN -> "FAIL";
            case SKIPPED -> "skip";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
