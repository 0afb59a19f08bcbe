package ipclab.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import ipclab.grader.score.StudentGrade;
import ipclab.grader.similarity.SimilarityReport;
import ipclab.testkit.Hints;

/**
 * Writes every report of a class grading into the output folder:
 *
 * <pre>
 *   grades.csv                         a row per student: points per lab and total (gradebook import)
 *   grades.json                        everything: every test's outcome and message, compiler errors, output, timings
 *   index.html                         the class table (sortable), per lab the score histogram and item analysis, similar pairs
 *   students/&lt;student&gt;.html           a student's page for the instructor: feedback, every message, logs
 *   feedback/&lt;student&gt;.md             what the student gets back (visibility respected)
 *   junit/&lt;student&gt;/&lt;lab&gt;.xml          JUnit XML per student x lab (visibility respected)
 *   gradescope/&lt;student&gt;/results.json  Gradescope's results.json for the student's submission
 *   classroom50/&lt;student&gt;/result.json  Classroom 50's result/v1 for the student (visibility respected)
 *   logs/&lt;student&gt;/&lt;lab&gt;.log           what the tests and the student's code printed (capped), for the instructor
 * </pre>
 *
 * where {@code <student>} is the student's {@link StudentFiles file name}; the reports' contents
 * name every student exactly.
 */
public final class Reports {
    private Reports() {
    }

    public static void writeAll(Path out, ClassResult result, boolean released) {
        writeAll(out, result, released, lab -> Hints.NONE);
    }

    /** Every report, the feedback with the labs' hints (lab name to its {@link Hints}). */
    public static void writeAll(Path out, ClassResult result, boolean released, Function<String, Hints> hints) {
        var files = files(result);
        write(out.resolve("grades.csv"), GradesCsv.render(result));
        var analysis = ItemAnalysis.of(result);
        write(out.resolve("grades.json"), Json.write(json(result, files, analysis)));
        write(out.resolve("index.html"), Html.index(result, files, analysis, pairs(out)));
        for (StudentGrade s : result.students()) {
            var f = files.get(s.student());
            String feedback = Feedback.render(s, released, hints);
            write(out.resolve(f.feedback()), feedback);
            write(out.resolve(f.page()), Html.student(s, feedback));
            write(out.resolve(f.gradescope()), Json.write(Gradescope.render(s)));
            write(out.resolve(f.classroom50()), Json.write(Classroom50.render(s, released)));
            for (var lab : s.labs()) {
                write(out.resolve(f.junit().get(lab.lab())), JUnitXml.render(s.student(), lab, released));
                if (f.logs().containsKey(lab.lab())) write(out.resolve(f.logs().get(lab.lab())), lab.output());
            }
        }
    }

    /** The similar pairs of a similarity report in the same folder (./grade similarity), for the index. */
    private static List<Html.Pair> pairs(Path out) {
        return SimilarityReport.read(out).stream().map(p -> new Html.Pair(p.lab(), p.first(), p.second(),
                Math.round(p.similarity() * 100) + " % (max " + Math.round(p.maxSimilarity() * 100) + " %)")).toList();
    }

    /**
     * Writes index.html again from the grades.json in the folder (after a similarity report was
     * added to it); false when the folder has no grades.json.
     */
    public static boolean rewriteIndex(Path out) {
        Path gradesJson = out.resolve("grades.json");
        if (!Files.isRegularFile(gradesJson)) return false;
        try {
            var json = Json.read(Files.readString(gradesJson, StandardCharsets.UTF_8), ClassJson.class);
            var students = json.students().stream()
                    .map(s -> new StudentGrade(s.student(), s.labs().stream().map(GradeJson.Lab::grade).toList())).toList();
            var control = json.control() == null ? List.<ipclab.grader.score.LabGrade>of()
                    : json.control().labs().stream().map(GradeJson.Lab::grade).toList();
            var result = new ClassResult(json.labs(), students, json.sandbox(), json.graderVersion(),
                    java.time.Instant.parse(json.gradedAt()), control);
            write(out.resolve("index.html"), Html.index(result, files(result), json.itemAnalysis(), pairs(out)));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every student's files; two students whose files would be the same (never seen: a 40-bit hash collision) stop the reports. */
    static Map<String, StudentFiles> files(ClassResult result) {
        var files = new LinkedHashMap<String, StudentFiles>();
        var taken = new HashMap<String, String>();
        for (var s : result.students()) {
            var f = StudentFiles.of(s);
            String other = taken.putIfAbsent(f.feedback().toLowerCase(Locale.ROOT), s.student());
            if (other != null)
                throw new IllegalStateException(
                        "students '" + other + "' and '" + s.student() + "' would share the report " + f.feedback());
            files.put(s.student(), f);
        }
        return files;
    }

    /** {@code grades.json}: the grading and every student's labs in full. */
    record ClassJson(String graderVersion, String gradedAt, String sandbox, Map<String, Integer> labs, List<StudentJson> students,
                     List<ItemAnalysis.Lab> itemAnalysis, ControlJson control) {
    }

    /** {@code --control} (null without it): the reference solutions' grades in the same run, and the tests they lost (the machine's problem). */
    record ControlJson(List<GradeJson.Lab> labs, List<String> infrastructureProblems) {
    }

    /** A student in {@code grades.json}. */
    record StudentJson(String student, int points, int maxPoints, StudentFiles files, List<GradeJson.Lab> labs) {
    }

    static ClassJson json(ClassResult result, Map<String, StudentFiles> files, List<ItemAnalysis.Lab> analysis) {
        var students = result.students().stream()
                .map(s -> new StudentJson(s.student(), s.points(), s.maxPoints(), files.get(s.student()),
                        s.labs().stream().map(GradeJson::of).toList()))
                .toList();
        var control = result.control().isEmpty() ? null
                : new ControlJson(result.control().stream().map(GradeJson::of).toList(), result.infrastructureProblems());
        return new ClassJson(result.graderVersion(), result.when().toString(), result.sandbox(), result.labs(), students, analysis,
                control);
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
