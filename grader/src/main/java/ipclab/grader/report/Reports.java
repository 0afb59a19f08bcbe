package ipclab.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ipclab.grader.score.StudentGrade;

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
        write(out.resolve("grades.csv"), GradesCsv.render(result));
        write(out.resolve("grades.json"), Json.write(json(result)));
        write(out.resolve("index.html"), Html.render(result));
        for (StudentGrade s : result.students()) {
            write(out.resolve("feedback").resolve(s.student() + ".md"), Feedback.render(s, released));
            write(out.resolve("gradescope").resolve(s.student()).resolve("results.json"), Json.write(Gradescope.render(s)));
            for (var lab : s.labs()) {
                write(out.resolve("junit").resolve(s.student()).resolve(lab.lab() + ".xml"), JUnitXml.render(s.student(), lab, released));
                if (!lab.output().isEmpty()) write(out.resolve("logs").resolve(s.student()).resolve(lab.lab() + ".log"), lab.output());
            }
        }
    }

    /** {@code grades.json}: the grading and every student's labs in full. */
    record ClassJson(String graderVersion, String gradedAt, String sandbox, Map<String, Integer> labs, List<StudentJson> students) {
    }

    /** A student in {@code grades.json}. */
    record StudentJson(String student, int points, int maxPoints, List<GradeJson.Lab> labs) {
    }

    static ClassJson json(ClassResult result) {
        var students = result.students().stream()
                .map(s -> new StudentJson(s.student(), s.points(), s.maxPoints(), s.labs().stream().map(GradeJson::of).toList()))
                .toList();
        return new ClassJson(result.graderVersion(), result.when().toString(), result.sandbox(), result.labs(), students);
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
