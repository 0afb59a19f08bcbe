package ipclab.grader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import ipclab.grader.build.LabBuild;
import ipclab.grader.build.Libraries;
import ipclab.grader.build.Workspace;
import ipclab.grader.cache.CacheKeys;
import ipclab.grader.run.TestRun;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Repeats;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.StudentName;

/**
 * Grades one student x lab, the {@link Grader}'s middle step:
 *
 * <pre>
 *   sources ──► as graded (given files the starter's) ──► unchanged? cached?
 *           ──► workspace ──► compile (javac, here) ──► run (harness JVM, sandbox) ──► LabGrade ──► cache
 * </pre>
 *
 * {@code repeat} times when asked (the majority's verdicts, {@link Repeats}). Never throws: whatever
 * goes wrong in the grader on one submission becomes a {@link LabStatus#GRADER_ERROR} grade for it.
 */
final class LabGrader {
    private final Grader.Settings settings;
    private final Libraries libraries;
    private final TestRun testRun;
    private final CacheKeys keys;
    private final List<Timings> fresh = Collections.synchronizedList(new ArrayList<>());

    LabGrader(Grader.Settings settings, Libraries libraries, TestRun testRun, CacheKeys keys) {
        this.settings = settings;
        this.libraries = libraries;
        this.testRun = testRun;
        this.keys = keys;
    }

    /** Grades one student x lab; {@code force} ignores the cache. Never throws. */
    LabGrade grade(PreparedLab lab, String student, Optional<SourceSet> submitted, boolean force) {
        String name = lab.spec().name();
        if (submitted.isEmpty() || submitted.get().isEmpty()) {
            var notes = submitted.map(SourceSet::ignored).orElse(List.of());
            return LabGrade.notRun(name, LabStatus.NOT_SUBMITTED, lab.tests(), "", ignoredNotes(notes), Timings.NONE, "");
        }
        var sources = lab.graded(submitted.get());
        String key = cacheKey(lab, sources);
        if (sources.sameCode(lab.starter())) {
            return LabGrade.notRun(name, LabStatus.UNCHANGED, lab.tests(), "", ignoredNotes(sources.ignored()), Timings.NONE, key);
        }
        if (!force) {
            var cached = cached(lab, sources);
            if (cached.isPresent()) return cached.get();
        }
        var grade = gradeRepeated(lab, student, sources, key);
        if (grade.status() != LabStatus.GRADER_ERROR) settings.cache().put(grade);
        return grade;
    }

    /** Grades the sources as they are, unchanged from the starter or not, never from the cache (validate, the reference run). */
    LabGrade gradeAlways(PreparedLab lab, String name, SourceSet sources) {
        return gradeRepeated(lab, name, lab.graded(sources), cacheKey(lab, sources));
    }

    /** The key of these sources' grade: see {@link CacheKeys#grade}. */
    String cacheKey(PreparedLab lab, SourceSet sources) {
        return keys.grade(lab.spec().name(), lab.kitDigest(), lab.graded(sources), lab.reference());
    }

    /**
     * The cached grade of these sources (as graded), with the notes about this submission's own
     * files (ignored ones, changed or missing given files) instead of those of whoever was graded
     * first: two students with the same effective code share a run, not their notes.
     */
    Optional<LabGrade> cached(PreparedLab lab, SourceSet graded) {
        return settings.cache().get(cacheKey(lab, graded)).map(g -> {
            var notes = new ArrayList<>(ignoredNotes(graded.ignored()));
            g.notes().stream().filter(n -> !n.startsWith("ignored ") && !n.startsWith(SourceSet.GIVEN_NOTE)).forEach(notes::add);
            return new LabGrade(g.lab(), g.status(), g.points(), g.maxPoints(), g.tests(), g.compilerErrors(), g.output(), notes,
                    g.timings(), g.key());
        });
    }

    /** The timings of every student x lab built and ran here (not those from the cache). */
    List<Timings> freshTimings() {
        return List.copyOf(fresh);
    }

    /** Grades the sources {@code repeat} times and folds the runs into one grade (the majority's verdicts). */
    private LabGrade gradeRepeated(PreparedLab lab, String student, SourceSet sources, String key) {
        var runs = new ArrayList<LabGrade>();
        for (int i = 0; i < Math.max(1, settings.repeat()); i++) {
            var run = gradeFresh(lab, student, sources, key);
            runs.add(run);
            if (run.status() == LabStatus.NOT_COMPILED) break;  // the same code does not compile the next time either
        }
        return Repeats.combine(runs);
    }

    private LabGrade gradeFresh(PreparedLab lab, String student, SourceSet sources, String key) {
        String name = lab.spec().name();
        long start = System.nanoTime();
        var notes = new ArrayList<>(ignoredNotes(sources.ignored()));
        try (var ws = Workspace.create(settings.workRoot(), StudentName.fileName(student) + "-" + name)) {
            var build = LabBuild.build(lab.spec(), sources, ws, libraries, settings.compileLimit());
            if (!build.compiled()) {
                return LabGrade.notRun(name, LabStatus.NOT_COMPILED, lab.tests(), build.errors(), notes,
                        Timings.untimed(build.millis(), millis(start)), key);
            }
            return runTests(lab, ws, build, notes, start, key);
        } catch (RuntimeException e) {
            // the whole stack trace to the grader's own log (stderr: the terminal, Gradescope's
            // instructors-only stdout); its first lines in the grade, for grades.json and the feedback
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.err.println("error: the grader failed on " + student + " " + name + ":\n" + trace);
            notes.add("the grader failed on this submission: "
                    + String.join(" | ", trace.toString().lines().limit(4).map(String::strip).toList()));
            return LabGrade.notRun(name, LabStatus.GRADER_ERROR, lab.tests(), "", notes, Timings.untimed(0, millis(start)), key);
        }
    }

    /** Runs the built lab's tests; a test whose class does not compile against this code fails without running. */
    private LabGrade runTests(PreparedLab lab, Workspace ws, LabBuild.Result build, List<String> notes, long start, String key) {
        var outcomes = new LinkedHashMap<String, TestOutcome>();
        var runnable = new ArrayList<ExpectedTest>();
        for (var t : lab.tests()) {
            String broken = build.brokenTestMessage(t.className());
            if (broken == null) runnable.add(t);
            else outcomes.put(t.uid(), new TestOutcome(t, Verdict.FAILED, "this test does not compile against your code:\n" + broken, 0));
        }
        if (!build.brokenTestClasses().isEmpty()) {
            notes.add("test classes that do not compile against this code: " + String.join(", ", build.brokenTestClasses().keySet()));
        }
        var run = runnable.isEmpty() ? null : testRun.run(ws, runnable, lab.reference());
        if (run != null) {
            run.outcomes().forEach(o -> outcomes.put(o.test().uid(), o));
            notes.addAll(run.notes());
        }
        var all = lab.tests().stream().map(t -> outcomes.get(t.uid())).toList();
        var timings = run == null ? Timings.untimed(build.millis(), millis(start))
                : new Timings(build.millis(), run.jvmStartMillis(), run.testMillis(), millis(start), run.jvms(),
                        run.peakMemoryBytes() >> 20);
        fresh.add(timings);
        return LabGrade.of(lab.spec().name(), LabStatus.GRADED, all, "", run == null ? "" : run.output(), notes, timings, key);
    }

    private static List<String> ignoredNotes(List<String> ignored) {
        return ignored.stream().map(f -> f.startsWith(SourceSet.GIVEN_NOTE) ? f : "ignored " + f).toList();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
