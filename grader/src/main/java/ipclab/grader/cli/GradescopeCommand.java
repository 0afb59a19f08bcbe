package ipclab.grader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;

import ipclab.grader.Grader;
import ipclab.grader.build.AotCache;
import ipclab.grader.build.Libraries;
import ipclab.grader.report.Gradescope;
import ipclab.grader.report.Json;
import ipclab.grader.report.Reports;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grade gradescope}: Gradescope's autograder mode. Grades the one submission Gradescope
 * puts in {@code /autograder/submission} and writes {@code /autograder/results/results.json};
 * whatever happens, a results.json is written (score 0 and the reason if the grader fails).
 */
@Command(name = "gradescope", mixinStandardHelpOptions = true,
        description = "Gradescope autograder mode: grade /autograder/submission, write /autograder/results/results.json.")
final class GradescopeCommand implements Callable<Integer> {
    @Option(names = "--submission", paramLabel = "DIR", description = "The submission (default: ${DEFAULT-VALUE}).")
    Path submission = Path.of("/autograder/submission");

    @Option(names = "--results", paramLabel = "FILE", description = "Where results.json goes (default: ${DEFAULT-VALUE}).")
    Path results = Path.of("/autograder/results/results.json");

    @Option(names = "--prepare",
            description = "Only prepare, for setup.sh: build each lab's tests, time the reference solutions and make the"
                    + " programs' AOT cache, all kept in the image, so that each submission then runs only its own tests.")
    boolean prepare;

    @Mixin
    Options options;

    @Override
    public Integer call() {
        try {
            var kit = Kit.locate();
            options.jobs = 1;
            var grader = options.grader(kit);
            if (prepare) return prepareOnly(kit, grader);
            var grades = new ArrayList<LabGrade>();
            var student = new Submission("submission", submission);
            for (var lab : kit.labs(options.labs)) {
                var prepared = grader.prepare(lab);
                grades.add(grader.grade(prepared, student.student(), student.sources(lab), false));
            }
            Reports.write(results, Json.write(Gradescope.render(new StudentGrade("submission", grades))));
        } catch (RuntimeException e) {
            var failure = new LinkedHashMap<String, Object>();
            failure.put("score", 0);
            failure.put("output", "The autograder failed (not your fault; your instructor will look into it): " + e.getMessage());
            failure.put("output_format", "md");
            failure.put("tests", List.of());
            Reports.write(results, Json.write(failure));
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        System.out.println("wrote " + results);
        return 0;
    }

    /** For setup.sh: every lab's tests built and its reference solution timed, and the programs' AOT cache made; 1 if a solution did not run cleanly. */
    private int prepareOnly(Kit kit, Grader grader) {
        int status = 0;
        for (var lab : kit.labs(options.labs)) {
            var prepared = grader.prepare(lab);
            boolean timed = prepared.reference().suiteMillis() > 0;
            System.out.println(lab.name() + ": " + prepared.tests().size() + " tests, " + prepared.maxPoints() + " points, "
                    + (timed ? "reference solution timed" : "no reference time"));
            if (!timed && lab.hasSolution()) {
                System.err.println(
                        "error: " + lab.name() + "'s reference solution did not run cleanly: see ./grade validate --labs " + lab.name());
                status = 1;
            }
        }
        var aot = new AotCache(Libraries.in(kit.libDir())).get();
        System.out.println(aot.map(c -> "AOT cache for the lab programs: " + c).orElse("no AOT cache: the lab programs start without one"));
        return status;
    }
}
