package ipclab.grader.report;

import java.util.List;
import java.util.function.Function;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Verdict;
import ipclab.grader.submission.SourceSet;
import ipclab.testkit.Hints;
import ipclab.testkit.Visibility;

/**
 * {@code feedback/<student>.md}, what a student gets back: per lab the score, each test with its
 * points and outcome, the failure messages of the tests they may see (visible ones, and
 * after-due-date ones once released), names only for hidden tests, and the compiler's errors.
 * A failure the lab's {@link Hints} recognise carries its hint, a hidden test's too (the hint
 * only, never the test's message, code or data).
 */
public final class Feedback {
    private Feedback() {
    }

    public static String render(StudentGrade student, boolean released) {
        return render(student, released, lab -> Hints.NONE);
    }

    /** With a hint under each failure the lab's {@link Hints} recognise (hidden tests too: the hint, never their message). */
    public static String render(StudentGrade student, boolean released, Function<String, Hints> hints) {
        var visible = new Visible(released);
        var out = new StringBuilder("# Feedback for ").append(student.student()).append("\n\n");
        int shownMax = 0, shownPoints = 0;
        for (var lab : student.labs()) {
            for (var t : lab.tests()) {
                if (!visible.listed(t)) continue;
                shownMax += t.test().points();
                shownPoints += t.earned();
            }
        }
        out.append("Total: **").append(shownPoints).append(" / ").append(shownMax).append("** points");
        int later = student.maxPoints() - shownMax;
        if (later > 0) out.append(" (and up to ").append(later).append(" more from tests released after the due date)");
        out.append(".\n");
        for (var lab : student.labs()) lab(out, lab, visible, hints.apply(lab.lab()));
        return out.toString();
    }

    private static void lab(StringBuilder out, LabGrade lab, Visible visible, Hints hints) {
        var listed = lab.tests().stream().filter(visible::listed).toList();
        int max = listed.stream().mapToInt(t -> t.test().points()).sum();
        int points = listed.stream().mapToInt(TestOutcome::earned).sum();
        out.append("\n## ").append(lab.lab()).append(": ").append(points).append(" / ").append(max).append("\n\n");
        switch (lab.status()) {
            case NOT_SUBMITTED -> out.append("No work was found for this lab (no `labs/").append(lab.lab()).append("/src/main/java`).\n");
            case UNCHANGED -> out.append("Your code for this lab is the starter, unchanged: it was not graded.\n");
            case NOT_COMPILED -> out.append("Your code does not compile, so no test could run. The compiler said:\n\n```text\n")
                    .append(lab.compilerErrors().strip()).append("\n```\n");
            case GRADER_ERROR -> out.append("The grader could not grade this lab (not your fault): your instructor will regrade it.\n");
            case GRADED -> {
            }
        }
        int hiddenLater = lab.tests().size() - listed.size();
        if (lab.status() == LabStatus.GRADED) {
            out.append("| | test | points |\n|---|---|---|\n");
            for (var t : listed) {
                out.append("| ").append(mark(t)).append(" | ").append(escape(t.test().name()));
                if (t.test().visibility() == Visibility.Level.HIDDEN) out.append(" *(hidden test)*");
                out.append(" | ").append(t.earned()).append(" / ").append(t.test().points()).append(" |\n");
            }
            if (hiddenLater > 0) out.append("\n").append(hiddenLater).append(" more test(s) are shown after the due date.\n");
            var failures = listed.stream().filter(t -> t.verdict() != Verdict.PASSED).toList();
            if (!failures.isEmpty()) out.append("\n### What went wrong\n");
            for (var t : failures) {
                out.append("\n**").append(escape(t.test().name())).append("**");
                if (visible.showsMessage(t)) {
                    out.append("\n\n```text\n")
                            .append(fence(t.message().strip().isEmpty() ? t.verdict().name().toLowerCase() : t.message().strip()))
                            .append("\n```\n");
                } else {
                    out.append(": failed (a hidden test: its details are not shown).\n");
                }
                hints.hintFor(t.test().name(), t.message()).ifPresent(h -> out.append("\nHint: ").append(h).append('\n'));
            }
        }
        var notes = studentNotes(lab.notes());
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
    }

    private static List<String> studentNotes(List<String> notes) {
        return notes.stream().filter(n -> n.startsWith("ignored ") || n.startsWith(SourceSet.GIVEN_NOTE))
                .map(n -> n.startsWith("ignored ") ? n + " (only .java files in the lab's package are graded)" : n).toList();
    }

    private static String mark(TestOutcome t) {
        return switch (t.verdict()) {
            case PASSED -> "pass";
            case FAILED -> "FAIL";
            case SKIPPED -> "skipped";
            case NOT_RUN -> "not run";
        };
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static String fence(String text) {
        return text.replace("```", "'''");
    }
}
