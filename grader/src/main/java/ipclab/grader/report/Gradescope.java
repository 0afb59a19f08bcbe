package ipclab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility;

/**
 * One submission in Gradescope's {@code results.json} shape: the score, a summary, and a test
 * entry per graded test. Visible tests carry their failure messages; hidden tests carry name and
 * points only (Gradescope shows them, without output); after-due-date tests carry everything
 * with Gradescope's own {@code after_due_date} visibility, so Gradescope holds them back. Each
 * test is tagged with its lab and the part its class checks; {@code extra_data} holds each lab's
 * digest (the cache key) and timings; the output is Markdown.
 */
public final class Gradescope {
    private Gradescope() {
    }

    /** Text as a Markdown code block (the output is Markdown; a message is shown as it is). */
    static String fenced(String text) {
        return "```text\n" + text.strip().replace("```", "'''") + "\n```";
    }

    /** The part of the lab a test class checks, from its name: FibonacciParentHiddenTest is FibonacciParent. */
    static String part(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.replaceFirst("(Public|Hidden)?Test$", "");
    }

    public static Map<String, Object> render(StudentGrade student) {
        var json = new LinkedHashMap<String, Object>();
        json.put("score", student.points());
        json.put("execution_time", student.labs().stream().mapToLong(l -> l.timings().totalMillis()).sum() / 1000);
        var summary = new StringBuilder();
        var tests = new ArrayList<Object>();
        for (var lab : student.labs()) {
            summary.append(lab.lab()).append(": ").append(lab.points()).append(" / ").append(lab.maxPoints())
                    .append(" (").append(lab.status().words()).append(")\n");
            if (!lab.compilerErrors().isEmpty()) summary.append(fenced(lab.compilerErrors())).append('\n');
            for (var t : lab.tests()) {
                var test = new LinkedHashMap<String, Object>();
                test.put("name", Cells.shortName(lab.lab()) + ": " + t.test().name());
                test.put("name_format", "text");
                test.put("score", t.earned());
                test.put("max_score", t.test().points());
                test.put("status", t.verdict() == Verdict.PASSED ? "passed" : "failed");
                var visibility = t.test().visibility();
                if (visibility != Visibility.Level.HIDDEN && t.verdict() != Verdict.PASSED) test.put("output", fenced(t.message()));
                test.put("visibility", visibility == Visibility.Level.AFTER_DUE_DATE ? "after_due_date" : "visible");
                test.put("tags", List.of(lab.lab(), part(t.test().className())));
                tests.add(test);
            }
        }
        json.put("output", summary.toString());
        json.put("output_format", "md");
        var extra = new LinkedHashMap<String, Object>();
        for (var lab : student.labs()) {
            var timings = lab.timings();
            extra.put(lab.lab(), Map.of("digest", lab.key() == null ? "" : lab.key(), "compile_ms", timings.compileMillis(),
                    "jvm_start_ms", timings.jvmStartMillis(), "tests_ms", timings.testMillis(), "total_ms", timings.totalMillis(), "jvms",
                    timings.jvms(),
                    "peak_memory_mib", timings.peakMemoryMiB()));
        }
        json.put("extra_data", extra);
        json.put("stdout_visibility", "hidden");
        json.put("tests", tests);
        return json;
    }
}
