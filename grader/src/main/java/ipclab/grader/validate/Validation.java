package ipclab.grader.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import ipclab.grader.Grader;
import ipclab.grader.PreparedLab;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Verdict;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.WrongSolution;
import ipclab.testkit.Visibility;

/**
 * The kit checks itself, through the same grader that grades students: for each lab, the
 * reference solution (and the second solution, where the lab has one) must score full marks, the
 * starter must compile and fail hidden tests, and each bundled wrong solution (a patch against the
 * reference) must fail every test its header lists (running only those tests, unless asked for all).
 * Where the lab has given files ({@code src/main/given.txt}), each is in the starter and the
 * solutions keep it as it is, and no wrong solution changes one (the grader would grade the
 * starter's copy instead, so the mistake would never be graded).
 *
 * <pre>{@code
 * var report = Validation.run(grader, grader.prepare(lab), jobs);
 * report.checks().forEach(c -> System.out.println((c.ok() ? "ok   " : "FAIL ") + c.what() + ": " + c.detail()));
 * }</pre>
 */
public final class Validation {
    private Validation() {
    }

    /** One thing checked: what, whether it holds, and the details. */
    public record Check(String what, boolean ok, String detail) {
    }

    public record Report(String lab, List<Check> checks) {
        public boolean sound() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    /** Validates the lab; each wrong solution runs only the tests it lists (what the check is about). */
    public static Report run(Grader grader, PreparedLab lab, int jobs) {
        return run(grader, lab, jobs, false);
    }

    /** {@code allTests}: each wrong solution runs the whole suite, so that the report also names what else it fails. */
    public static Report run(Grader grader, PreparedLab lab, int jobs, boolean allTests) {
        var spec = lab.spec();
        var executor = Executors.newFixedThreadPool(Math.max(1, jobs), Thread.ofPlatform().name("validate-", 0).factory());
        try {
            var solution = spec.hasSolution() ? SourceSet.read(spec.solution(), spec.packagePath()) : null;
            // the reference run that timed the lab when it was prepared is the solution's check, when there was one just now
            Future<LabGrade> solutionRun = solution == null ? null : lab.referenceRun().isPresent()
                    ? java.util.concurrent.CompletableFuture.completedFuture(lab.referenceRun().get())
                    : executor.submit(() -> grader.gradeAlways(lab, "solution", solution));
            var second = SourceSet.read(spec.secondSolution(), spec.packagePath());
            Future<LabGrade> secondRun = second.isEmpty() ? null
                    : executor.submit(() -> grader.gradeAlways(lab, "second-solution", second));
            Future<LabGrade> starterRun = executor.submit(() -> grader.gradeAlways(lab, "starter", lab.starter()));
            var wrongs = spec.wrongSolutions();
            var wrongRuns = new ArrayList<WrongRun>();
            for (var w : wrongs) wrongRuns.add(submitWrong(grader, lab, solution, w, allTests, executor));
            var checks = new ArrayList<Check>();
            checks.add(solutionRun == null ? new Check("solution", false, "there is no reference solution in " + spec.solution())
                    : solutionCheck("solution", solutionRun.get()));
            if (secondRun != null) checks.add(solutionCheck("second solution", secondRun.get()));
            checks.add(starterCheck(starterRun.get()));
            if (!spec.givenFiles().isEmpty()) checks.add(givenCheck(lab, solution, second));
            var names = lab.tests().stream().map(t -> t.shortName()).collect(Collectors.toSet());
            for (int i = 0; i < wrongs.size(); i++) {
                var run = wrongRuns.get(i);
                checks.add(run.problem() != null ? new Check("wrong/" + wrongs.get(i).name(), false, run.problem())
                        : wrongCheck(wrongs.get(i), run.grade().get(), names));
            }
            return new Report(spec.name(), checks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validation failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** A wrong solution's run, or why it cannot run ({@code problem}: then no run). */
    private record WrongRun(String problem, Future<LabGrade> grade) {
    }

    /** Applies the wrong solution's patch to the solution and grades it on the tests it lists (all with {@code allTests}). */
    private static WrongRun submitWrong(Grader grader, PreparedLab lab, SourceSet solution, WrongSolution w, boolean allTests,
                                        ExecutorService executor) {
        SourceSet sources = SourceSet.empty();
        String problem = null;
        try {
            if (solution != null) sources = w.applyTo(solution);
            problem = givenTouched(lab.spec().givenFiles(), w);
        } catch (IllegalStateException e) {
            problem = e.getMessage();
        }
        if (problem != null) return new WrongRun(problem, null);
        var graded = sources;
        var listed = allTests ? lab : lab.only(t -> w.expectedFailures().contains(t.shortName()));
        return new WrongRun(null, executor.submit(() -> grader.gradeAlways(listed, "wrong-" + w.name(), graded)));
    }

    /** The given files: each in the starter; the solution has each as the starter does; the second solution changes none. */
    public static Check givenCheck(PreparedLab lab, SourceSet solution, SourceSet second) {
        var given = lab.spec().givenFiles();
        var problems = new ArrayList<String>();
        for (String path : given) {
            if (!lab.starter().files().containsKey(path))
                problems.add(path + " is not in the starter (" + lab.spec().packagePath() + "/…)");
        }
        if (solution != null)
            problems.addAll(lab.graded(solution).ignored().stream().filter(n -> n.startsWith(SourceSet.GIVEN_NOTE))
                    .map(n -> "the solution's " + n).toList());
        problems.addAll(lab.graded(second).ignored().stream().filter(n -> n.startsWith(SourceSet.GIVEN_NOTE) && !n.contains(" is missing"))
                .map(n -> "the second solution's " + n).toList());
        return new Check("given files", problems.isEmpty(), problems.isEmpty()
                ? String.join(", ", given) + ": in the starter, and as handed out in the solutions"
                : String.join("\n", problems));
    }

    /** Why a wrong solution cannot be graded as it is: it changes given files (the grader would grade the starter's copies); else null. */
    public static String givenTouched(List<String> given, WrongSolution w) {
        var touched = w.changedFiles().stream().filter(given::contains).toList();
        return touched.isEmpty() ? null : "it changes the given file(s) " + String.join(", ", touched)
                + ", which the grader replaces with the starter's copy, so the mistake would not be graded: put it elsewhere";
    }

    private static Check solutionCheck(String what, LabGrade g) {
        if (g.status() != LabStatus.GRADED)
            return new Check(what, false, g.status().words() + "\n" + g.compilerErrors() + String.join("\n", g.notes()));
        var failed = failures(g);
        var unstable = g.unstableTests();
        if (failed.isEmpty() && !unstable.isEmpty()) {
            return new Check(what, false, "full marks by the majority, but unstable:\n" + describe(unstable));
        }
        if (failed.isEmpty()) return new Check(what, true, "full marks, " + g.points() + "/" + g.maxPoints() + runs(g) + seconds(g));
        return new Check(what, false, g.points() + "/" + g.maxPoints() + ", failing:\n" + describe(failed));
    }

    private static Check starterCheck(LabGrade g) {
        if (g.status() != LabStatus.GRADED) return new Check("starter", false, "does not compile:\n" + g.compilerErrors());
        var hidden = g.tests().stream().filter(t -> t.test().visibility() != Visibility.Level.VISIBLE).toList();
        long failedHidden = hidden.stream().filter(t -> t.verdict() != Verdict.PASSED).count();
        String detail = "compiles, scores " + g.points() + "/" + g.maxPoints() + ", fails " + failedHidden + " of " + hidden.size()
                + " hidden tests";
        var passing = hidden.stream().filter(t -> t.verdict() == Verdict.PASSED).map(t -> t.test().shortName()).toList();
        if (!passing.isEmpty()) detail += " (passes on its own: " + String.join(", ", passing) + ")";
        return new Check("starter", failedHidden > 0, detail);
    }

    public static Check wrongCheck(WrongSolution w, LabGrade g, Set<String> known) {
        String what = "wrong/" + w.name();
        if (w.expectedFailures().isEmpty()) return new Check(what, false, "its header lists no expected failure");
        var unknown = w.expectedFailures().stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty())
            return new Check(what, false, "its expected failures name tests that do not exist: " + String.join(", ", unknown));
        if (g.status() != LabStatus.GRADED) return new Check(what, false, g.status().words() + "\n" + g.compilerErrors());
        var failedNames = failures(g).stream().map(t -> t.test().shortName()).collect(Collectors.toSet());
        var passedButShouldFail = w.expectedFailures().stream().filter(n -> !failedNames.contains(n)).toList();
        var extra = failedNames.stream().filter(n -> !w.expectedFailures().contains(n)).sorted().toList();
        String also = extra.isEmpty() ? "" : "; also fails " + String.join(", ", extra);
        if (!passedButShouldFail.isEmpty()) return new Check(what, false, "passes " + String.join(", ", passedButShouldFail) + also);
        var unstable = g.unstableTests().stream().filter(t -> w.expectedFailures().contains(t.test().shortName())).toList();
        if (!unstable.isEmpty()) return new Check(what, false, "fails by the majority, but unstable:\n" + describe(unstable));
        return new Check(what, true,
                "fails the " + w.expectedFailures().size() + " expected test(s), " + g.points() + "/" + g.maxPoints() + also);
    }

    private static List<TestOutcome> failures(LabGrade g) {
        return g.tests().stream().filter(t -> t.verdict() != Verdict.PASSED).toList();
    }

    private static String describe(List<TestOutcome> failed) {
        return failed.stream().map(t -> "    " + t.test().shortName() + ": " + t.message().strip().replace("\n", "\n      "))
                .collect(Collectors.joining("\n"));
    }

    private static String runs(LabGrade g) {
        int runs = g.tests().isEmpty() ? 1 : g.tests().getFirst().runs();
        return runs > 1 ? " in each of " + runs + " runs" : "";
    }

    private static String seconds(LabGrade g) {
        return String.format(" in %.1f s, at most %d MiB", g.timings().totalMillis() / 1000.0, g.timings().peakMemoryMiB());
    }
}
