package ipclab.grader.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;

import ipclab.grader.Pipeline;
import ipclab.grader.build.Workspace;
import ipclab.grader.report.ClassResult;
import ipclab.grader.report.ClassTable;
import ipclab.grader.report.Reports;
import ipclab.grader.score.LabStatus;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.Submission;
import ipclab.grader.submission.Submissions;
import ipclab.testkit.Hints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grade grade <submissions>}: grades every student x lab, writes the reports and prints
 * the class table.
 *
 * <pre>
 *   $ ./grade grade submissions/ --labs lab1,lab2 --out grading-out
 * </pre>
 */
@Command(name = "grade", mixinStandardHelpOptions = true, description = "Grade a class: a folder of student folders (clones of the handout) and/or .zip files.")
final class GradeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SUBMISSIONS", description = "The folder of submissions (or one student's folder or .zip).")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("grading-out");

    @Option(names = "--only", arity = "1..*", paramLabel = "STUDENT", description = "Regrade only these students (the others come from the cache).")
    List<String> only = new ArrayList<>();

    @Option(names = "--after-due-date", description = "Release the results of after-due-date tests in the feedback.")
    boolean afterDueDate;

    @Mixin
    Options options;

    @Override
    public Integer call() {
        return gradeClass(submissions, out, only, afterDueDate, options, System.out, System.err);
    }

    /** Grades the class and writes the reports; exit status 0, or 1 if the grader failed on a submission. */
    static int gradeClass(Path folder, Path out, List<String> only, boolean released, Options options, PrintStream stdout, PrintStream stderr) {
        var kit = Kit.locate();
        var labs = kit.labs(options.labs);
        if (labs.isEmpty()) throw new IllegalArgumentException("the kit has no labs");
        var pipeline = options.pipeline(kit);
        long start = System.nanoTime();
        var prepared = new ArrayList<Pipeline.PreparedLab>();
        for (var lab : labs) {
            var p = pipeline.prepare(lab);
            stderr.printf("%s: %d tests, %d points%n", lab.name(), p.tests().size(), p.maxPoints());
            prepared.add(p);
        }
        Path scratch = out.resolve(".unpacked");
        Workspace.deleteTree(scratch);
        List<Submission> subs = Submissions.read(folder, scratch);
        var names = Submissions.names(subs);
        var unknown = only.stream().filter(n -> !names.contains(n)).toList();
        if (!unknown.isEmpty()) throw new IllegalArgumentException("no submission for " + String.join(", ", unknown) + " in " + folder);
        stderr.printf("grading %d students x %d labs, %d at a time; sandbox: %s%n", subs.size(), labs.size(), options.jobs,
                pipeline.sandbox().description());

        var grades = pipeline.gradeClass(subs, prepared, new HashSet<>(only), new ProgressBar(stderr));
        var maxima = new LinkedHashMap<String, Integer>();
        prepared.forEach(p -> maxima.put(p.spec().name(), p.maxPoints()));
        var result = new ClassResult(maxima, grades, pipeline.sandbox().description(), pipeline.version(), Instant.now());
        Reports.writeAll(out, result, released, lab -> Hints.ofLab(kit.root().resolve("labs").resolve(lab)));
        Workspace.deleteTree(scratch);

        stdout.print(ClassTable.render(result));
        if (grades.size() < subs.size()) {
            stderr.println((subs.size() - grades.size()) + " student(s) left out: not chosen with --only and nothing cached for their current work");
        }
        stdout.println(Timing.summary(subs.size() * labs.size(), pipeline.freshTimings(), (System.nanoTime() - start) / 1_000_000, options.jobs));
        stdout.println("reports in " + out.toAbsolutePath().normalize() + " (grades.csv, grades.json, index.html, feedback/, junit/, gradescope/)");
        boolean failed = grades.stream().flatMap(g -> g.labs().stream()).anyMatch(g -> g.status() == LabStatus.GRADER_ERROR);
        return failed ? 1 : 0;
    }
}
