package ipclab.grader.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;

import ipclab.grader.PreparedLab;
import ipclab.grader.Grader;
import ipclab.grader.build.Workspace;
import ipclab.grader.report.ClassResult;
import ipclab.grader.report.ClassTable;
import ipclab.grader.report.Gradebook;
import ipclab.grader.report.Reports;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Timings;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.Submission;
import ipclab.grader.submission.Submissions;
import ipclab.testkit.Hints;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grade grade <submissions>}: grades every student x lab, writes the reports and prints
 * the class table.
 *
 * <pre>
 *   $ ./grade grade submissions/ --labs lab1,lab2 --out grading-out
 *   $ ./grade grade submissions/ --repeat 3 --control     # is any verdict unstable? did the machine cope?
 * </pre>
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a class: a folder of student folders (clones of the handout) and/or .zip files.")
final class GradeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SUBMISSIONS", description = "The folder of submissions (or one student's folder or .zip).")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("grading-out");

    @Option(names = "--only", arity = "1..*", paramLabel = "STUDENT",
            description = "Regrade only these students (the others come from the cache).")
    List<String> only = new ArrayList<>();

    @Option(names = "--after-due-date", description = "Release the results of after-due-date tests in the feedback.")
    boolean afterDueDate;

    @Option(names = "--control", description = "Also grade the reference solutions, in the same run and under the same load:"
            + " a test they lose is reported as a problem of the machine, not of the students (exit status 2).")
    boolean control;

    @Option(names = "--gradebook", paramLabel = "canvas|moodle", converter = GradeCommand.GradebookName.class,
            description = "Also write the gradebook import of this platform (canvas.csv or moodle.csv), students matched through --students.")
    Gradebook gradebook;

    @Option(names = "--students", paramLabel = "FILE",
            description = "The student mapping for --gradebook: a CSV of folder,id,name (default: students.csv in SUBMISSIONS).")
    Path students;

    @Mixin
    Options options;

    /** The name the reference solution is graded under with {@code --control}. */
    static final String CONTROL = "(control)";

    @Override
    public Integer call() {
        Optional<Gradebooks> books = Optional.ofNullable(gradebook)
                .map(g -> new Gradebooks(g, students != null ? students : submissions.resolve("students.csv")));
        return gradeClass(submissions, out, only, afterDueDate, control, options, books, System.out, System.err);
    }

    /** {@code canvas} or {@code moodle}, as typed. */
    static final class GradebookName implements ITypeConverter<Gradebook> {
        @Override
        public Gradebook convert(String value) {
            for (var g : Gradebook.values()) if (g.name().equalsIgnoreCase(value)) return g;
            throw new TypeConversionException("'" + value + "' is not a gradebook: canvas or moodle");
        }
    }

    /** A gradebook to write after grading, with its student mapping. */
    record Gradebooks(Gradebook gradebook, Path students) {
    }

    /**
     * Grades the class and writes the reports; exit status 0, 1 if the grader failed on a
     * submission, 2 if the control (the reference solution) lost a test.
     */
    static int gradeClass(Path folder, Path out, List<String> only, boolean released, boolean control, Options options,
                          Optional<Gradebooks> books,
                          PrintStream stdout, PrintStream stderr) {
        var kit = Kit.locate();
        var labs = kit.labs(options.labs);
        if (labs.isEmpty()) throw new IllegalArgumentException("the kit has no labs");
        var grader = options.grader(kit);
        long start = System.nanoTime();
        var prepared = prepareAll(grader, labs, stderr);
        Path scratch = out.resolve(".unpacked");
        Workspace.deleteTree(scratch);
        List<Submission> subs = Submissions.read(folder, scratch);
        var names = Submissions.names(subs);
        var unknown = only.stream().filter(n -> !names.contains(n)).toList();
        if (!unknown.isEmpty()) throw new IllegalArgumentException("no submission for " + String.join(", ", unknown) + " in " + folder);
        stderr.printf("grading %d students x %d labs, %d at a time; sandbox: %s%n", subs.size(), labs.size(), options.jobs,
                grader.sandbox().description());
        var result = grade(grader, subs, prepared, only, control, stderr);
        var grades = result.students();
        Reports.writeAll(out, result, released, lab -> Hints.ofLab(kit.root().resolve("labs").resolve(lab)));
        books.ifPresent(b -> {
            var missing = b.gradebook().write(out, result, b.students());
            if (!missing.isEmpty())
                stderr.println("not in " + b.students() + ", left out of " + b.gradebook().fileName() + ": " + String.join(", ", missing));
        });
        Workspace.deleteTree(scratch);

        stdout.print(ClassTable.render(result));
        if (grades.size() < subs.size()) {
            stderr.println((subs.size() - grades.size())
                    + " student(s) left out: not chosen with --only and nothing cached for their current work");
        }
        stdout.println(
                Timings.summary(subs.size() * labs.size(), grader.freshTimings(), (System.nanoTime() - start) / 1_000_000, options.jobs));
        stdout.println("reports in " + out.toAbsolutePath().normalize()
                + " (grades.csv, grades.json, index.html, feedback/, junit/, gradescope/, classroom50/)");
        boolean failed = grades.stream().flatMap(g -> g.labs().stream()).anyMatch(g -> g.status() == LabStatus.GRADER_ERROR);
        return failed ? 1 : result.infrastructureProblems().isEmpty() ? 0 : 2;
    }

    private static List<PreparedLab> prepareAll(Grader grader, List<LabSpec> labs, PrintStream stderr) {
        var prepared = new ArrayList<PreparedLab>();
        for (var lab : labs) {
            var p = grader.prepare(lab);
            stderr.printf("%s: %d tests, %d points%n", lab.name(), p.tests().size(), p.maxPoints());
            prepared.add(p);
        }
        return prepared;
    }

    /** Grades the class; with {@code control}, the reference solutions too, amid the students, their grades kept apart. */
    private static ClassResult grade(Grader grader, List<Submission> subs, List<PreparedLab> prepared, List<String> only, boolean control,
                                     PrintStream stderr) {
        var graded = new ArrayList<>(subs);
        // the control runs amid the students, so that it meets the same load
        if (control) graded.add(graded.size() / 2, new Submission(CONTROL, grader.kit().root().resolve("solutions")));
        var grades = new ArrayList<>(grader.gradeClass(graded, prepared, new HashSet<>(only), control ? Set.of(CONTROL) : Set.of(),
                new ProgressBar(stderr)));
        var controlGrades = grades.stream().filter(g -> g.student().equals(CONTROL)).flatMap(g -> g.labs().stream()).toList();
        grades.removeIf(g -> g.student().equals(CONTROL));
        var maxima = new LinkedHashMap<String, Integer>();
        prepared.forEach(p -> maxima.put(p.spec().name(), p.maxPoints()));
        return new ClassResult(maxima, grades, grader.sandbox().description(), grader.version(), Instant.now(), controlGrades);
    }
}
