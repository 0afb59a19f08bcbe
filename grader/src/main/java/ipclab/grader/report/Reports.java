package ipclab.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Function;

import ipclab.grader.score.StudentGrade;
import ipclab.testkit.Hints;

/**
 * Writes every report of a class grading into the output folder:
 *
 * <pre>
 *   grades.csv                         a row per student: points per lab and total (gradebook import)
 *   grades.json                        everything: every test's outcome and message, compiler errors, output, timings
 *   index.html                         the class overview
 *   feedback/&lt;student&gt;.md             what the student gets back (visibility respected)
 *   junit/&lt;student&gt;/&lt;lab&gt;.xml          JUnit XML per student x lab (visibility respected)
 *   gradescope/&lt;student&gt;/results.json  Gradescope's results.json for the student's submission
 *   logs/&lt;student&gt;/&lt;lab&gt;.log           what the tests and the student's code printed (capped), for the instructor
 * </pre>
 */
public final class Reports {
    private Reports() {
    }

    public static void writeAll(Path out, ClassResult result, boolean released) {
        writeAll(out, result, released, lab -> Hints.NONE);
    }

    /** Every report, the feedback with the labs' hints (lab name to its {@link Hints}). */
    public static void writeAll(Path out, ClassResult result, boolean released, Function<String, Hints> hints) {
        write(out.resolve("grades.csv"), GradesCsv.render(result));
        write(out.resolve("grades.json"), Json.write(json(result)));
        write(out.resolve("index.html"), Html.render(result));
        for (StudentGrade s : result.students()) {
            write(out.resolve("feedback").resolve(s.student() + ".md"), Feedback.render(s, released, hints));
            write(out.resolve("gradescope").resolve(s.student()).resolve("results.json"), Json.write(Gradescope.render(s)));
            for (var lab : s.labs()) {
                write(out.resolve("junit").resolve(s.student()).resolve(lab.lab() + ".xml"), JUnitXml.render(s.student(), lab, released));
                if (!lab.output().isEmpty()) write(out.resolve("logs").resolve(s.student()).resolve(lab.lab() + ".log"), lab.output());
            }
        }
    }

    static LinkedHashMap<String, Object> json(ClassResult result) {
        var json = new LinkedHashMap<String, Object>();
        json.put("graderVersion", result.graderVersion());
        json.put("gradedAt", result.when().toString());
        json.put("sandbox", result.sandbox());
        json.put("labs", result.labs());
        var students = new ArrayList<Object>();
        for (var s : result.students()) {
            var sj = new LinkedHashMap<String, Object>();
            sj.put("student", s.student());
            sj.put("points", s.points());
            sj.put("maxPoints", s.maxPoints());
            sj.put("labs", s.labs().stream().map(GradeJson::toJson).toList());
            students.add(sj);
        }
        json.put("students", students);
        return json;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
