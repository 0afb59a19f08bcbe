package ipclab.grader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ipclab.grader.build.LabBuild;
import ipclab.grader.build.Libraries;
import ipclab.grader.build.Workspace;
import ipclab.grader.run.Load;
import ipclab.grader.run.Reference;
import ipclab.grader.run.TestCatalog;
import ipclab.grader.run.TestRun;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.sandbox.Sandbox;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.StudentName;
import ipclab.grader.submission.Submission;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Repeats;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility;

/**
 * The grading pipeline, one student x lab at a time or a whole class in parallel:
 *
 * <pre>
 *   sources ──► unchanged? cached? ──► workspace ──► compile (javac, here) ──► run (harness JVM, sandbox)
 *                                                                           ──► LabGrade ──► cache
 * </pre>
 *
 * <pre>{@code
 * var pipeline = new Pipeline(kit, settings, sandbox);
 * var lab = pipeline.prepare(kit.labs(List.of("lab1")).getFirst());
 * LabGrade grade = pipeline.grade(lab, "ada", Optional.of(sources), false);
 * }</pre>
 *
 * A student x lab never throws: whatever goes wrong in the grader on one submission becomes a
 * {@link LabStatus#GRADER_ERROR} grade for it, and the class goes on.
 */
public final class Pipeline {
    private final Kit kit;
    private final Settings settings;
    private final Sandbox sandbox;
    private final Libraries libraries;
    private final TestRun testRun;
    private final String version;
    private final List<Timings> fresh = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * How to grade: the run limits, student x labs graded at once ({@code jobs}), tests of one run
     * at once ({@code testThreads}), deadline stretch, compile limit, where to work and cache, and
     * how many times each submission is graded ({@code repeat}: the majority's verdict counts, see
     * {@link Repeats}).
     */
    public record Settings(Limits limits, int jobs, int testThreads, double timeFactor, Duration compileLimit, Path workRoot,
                           ResultCache cache, int repeat) {

        public Settings(Limits limits, int jobs, int testThreads, double timeFactor, Duration compileLimit, Path workRoot, ResultCache cache) {
            this(limits, jobs, testThreads, timeFactor, compileLimit, workRoot, cache, 1);
        }

        /** Tests of one run at once when nothing says otherwise: they wait mostly for the programs they start. */
        public static int defaultTestThreads() {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * A lab ready to grade: its starter (to recognise untouched submissions), its expected tests, a
     * digest of the kit's side, the reference solution's times (which size the limits), and the
     * reference solution's grade when it was run to measure them just now.
     */
    public record PreparedLab(LabSpec spec, SourceSet starter, List<ExpectedTest> tests, String kitDigest, Reference reference,
                              Optional<LabGrade> referenceRun) {
        public int maxPoints() {
            return tests.stream().mapToInt(ExpectedTest::points).sum();
        }

        /**
         * The sources as they are graded: every given file of the lab is the starter's copy, a
         * changed or missing one named in a note ({@link SourceSet#withGiven}). Every way into the
         * pipeline (grade, gradeAlways, the cache key, the reference run) goes through here.
         */
        public SourceSet graded(SourceSet sources) {
            return sources.withGiven(starter, spec.givenFiles());
        }

        /** The same lab with only some of its tests (to check what a wrong solution must fail). */
        public PreparedLab only(java.util.function.Predicate<ExpectedTest> which) {
            return new PreparedLab(spec, starter, tests.stream().filter(which).toList(), kitDigest, reference, Optional.empty());
        }
    }

    public Pipeline(Kit kit, Settings settings, Sandbox sandbox) {
        this.kit = kit;
        this.settings = settings;
        this.sandbox = sandbox;
        this.libraries = Libraries.in(kit.libDir());
        this.testRun = new TestRun(sandbox, settings.limits(), libraries, kit.harnessModule(), settings.timeFactor(),
                settings.testThreads());
        this.version = GraderVersion.of(kit.harnessModule(), kit.libDir());
        if (!Files.isRegularFile(kit.harnessModule())) {
            throw new IllegalStateException("no harness module at " + kit.harnessModule() + ": build the grader first (./grade does)");
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public String version() {
        return version;
    }

    /**
     * Builds the lab's starter with its tests (the solution if the starter does not build), finds
     * the tests every submission's run must report, and runs the reference solution once to time
     * them; both are cached.
     */
    public PreparedLab prepare(LabSpec lab) {
        var found = catalog(lab);
        if (!lab.hasSolution()) return found;
        var solution = found.graded(SourceSet.read(lab.solution(), lab.packagePath()));
        String referenceKey = digest(found.kitDigest(), solution.digest(), Integer.toString(settings.testThreads()),
                Double.toString(settings.timeFactor()), sandbox.getClass().getSimpleName());
        var known = settings.cache().reference(referenceKey);
        if (known.isPresent()) return withReference(found, known.get(), Optional.empty());
        var run = gradeRepeated(found, "reference", solution, cacheKey(found, solution));
        if (run.status() != LabStatus.GRADED) return withReference(found, Reference.NONE, Optional.of(run));
        var reference = Reference.of(run, Load.perCore());
        settings.cache().putReference(referenceKey, reference);
        return withReference(found, reference, Optional.of(run));
    }

    private static PreparedLab withReference(PreparedLab lab, Reference reference, Optional<LabGrade> run) {
        return new PreparedLab(lab.spec(), lab.starter(), lab.tests(), lab.kitDigest(), reference, run);
    }

    private PreparedLab catalog(LabSpec lab) {
        var starter = SourceSet.read(lab.starter(), lab.packagePath());
        var roots = LabBuild.testRoots(lab);
        var defaults = new LinkedHashMap<String, Visibility.Level>();
        for (Path file : LabBuild.javaFiles(roots)) {
            boolean isPublic = file.startsWith(lab.publicTests());
            defaults.put(LabBuild.className(roots, file), isPublic ? Visibility.Level.VISIBLE : Visibility.Level.HIDDEN);
        }
        var candidates = new ArrayList<SourceSet>(List.of(starter));
        if (lab.hasSolution()) candidates.add(SourceSet.read(lab.solution(), lab.packagePath()));
        String kitDigest = kitDigest(lab, starter, roots);
        String catalogKey = digest(version, kitDigest, candidates.getLast().digest(), defaults.toString());
        var known = settings.cache().tests(catalogKey);
        if (known.isPresent()) return new PreparedLab(lab, starter, known.get(), kitDigest, Reference.NONE, Optional.empty());
        String problems = "";
        for (var sources : candidates) {
            try (var ws = Workspace.create(settings.workRoot(), "kit-" + lab.name())) {
                var build = LabBuild.build(lab, sources, ws, libraries, settings.compileLimit());
                if (!build.compiled() || !build.brokenTestClasses().isEmpty()) {
                    problems += build.errors() + String.join("", build.brokenTestClasses().values());
                    continue;
                }
                var tests = TestCatalog.discover(List.of(ws.testClasses(), ws.mainClasses()), defaults);
                settings.cache().putTests(catalogKey, tests);
                return new PreparedLab(lab, starter, tests, kitDigest, Reference.NONE, Optional.empty());
            }
        }
        throw new IllegalStateException("the kit's " + lab.name() + " does not build with its tests:\n" + problems);
    }

    private String kitDigest(LabSpec lab, SourceSet starter, List<Path> roots) {
        var sha = sha();
        sha.update(starter.digest().getBytes(StandardCharsets.UTF_8));
        for (Path root : roots) {
            var tests = SourceSet.read(root, lab.packagePath());
            sha.update(root.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(tests.digest().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The content the result depends on: grader, kit side, student's sources as graded (given files the starter's), limits (and the reference times that size them), sandbox. */
    public String cacheKey(PreparedLab lab, SourceSet sources) {
        return digest(version, lab.spec().name(), lab.kitDigest(), lab.graded(sources).digest(), settings.limits().fingerprint(),
                lab.reference().fingerprint(), Double.toString(settings.timeFactor()), sandbox.getClass().getSimpleName(),
                "repeat " + settings.repeat());
    }

    private static String digest(String... parts) {
        var sha = sha();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Grades one student x lab; {@code force} ignores the cache. Never throws. */
    public LabGrade grade(PreparedLab lab, String student, Optional<SourceSet> submitted, boolean force) {
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

    /** Grades the sources as they are, unchanged from the starter or not, never from the cache (for validate). */
    public LabGrade gradeAlways(PreparedLab lab, String name, SourceSet sources) {
        return gradeRepeated(lab, name, lab.graded(sources), cacheKey(lab, sources));
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

    /** The timings of every student x lab this pipeline built and ran (not those from the cache). */
    public List<Timings> freshTimings() {
        return List.copyOf(fresh);
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
            return LabGrade.of(name, LabStatus.GRADED, all, "", run == null ? "" : run.output(), notes, timings, key);
        } catch (RuntimeException e) {
            // the whole stack trace to the grader's own log (stderr: the terminal, Gradescope's
            // instructors-only stdout); its first lines in the grade, for grades.json and the feedback
            var trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            System.err.println("error: the grader failed on " + student + " " + name + ":\n" + trace);
            notes.add("the grader failed on this submission: " + String.join(" | ", trace.toString().lines().limit(4).map(String::strip).toList()));
            return LabGrade.notRun(name, LabStatus.GRADER_ERROR, lab.tests(), "", notes, Timings.untimed(0, millis(start)), key);
        }
    }

    /**
     * The cached grade of these sources (as graded), with the notes about this submission's own
     * files (ignored ones, changed or missing given files) instead of those of whoever was graded
     * first: two students with the same effective code share a run, not their notes.
     */
    private Optional<LabGrade> cached(PreparedLab lab, SourceSet graded) {
        return settings.cache().get(cacheKey(lab, graded)).map(g -> {
            var notes = new ArrayList<>(ignoredNotes(graded.ignored()));
            g.notes().stream().filter(n -> !n.startsWith("ignored ") && !n.startsWith(SourceSet.GIVEN_NOTE)).forEach(notes::add);
            return new LabGrade(g.lab(), g.status(), g.points(), g.maxPoints(), g.tests(), g.compilerErrors(), g.output(), notes,
                    g.timings(), g.key());
        });
    }

    private static List<String> ignoredNotes(List<String> ignored) {
        return ignored.stream().map(f -> f.startsWith(SourceSet.GIVEN_NOTE) ? f : "ignored " + f).toList();
    }

    /** Hears about each student x lab as it is graded (from several threads). */
    public interface Progress {
        void begin(int total);

        void graded(String student, LabGrade grade);

        default void end() {
        }

        Progress NONE = new Progress() {
            public void begin(int total) {
            }

            public void graded(String student, LabGrade grade) {
            }
        };
    }

    /**
     * Grades every submission on every lab, {@code jobs} at a time. Students in {@code only}
     * (all if it is empty) are graded afresh; the others are taken from the cache, and left out
     * if it has nothing for their current sources.
     */
    public List<StudentGrade> gradeClass(List<Submission> submissions, List<PreparedLab> labs, Set<String> only, Progress progress) {
        return gradeClass(submissions, labs, only, Set.of(), progress);
    }

    /** The same, and the submissions named in {@code fresh} are always graded afresh (the reference solution as a control). */
    public List<StudentGrade> gradeClass(List<Submission> submissions, List<PreparedLab> labs, Set<String> only, Set<String> fresh,
                                         Progress progress) {
        var executor = Executors.newFixedThreadPool(Math.max(1, settings.jobs()), Thread.ofPlatform().name("grade-", 0).factory());
        try {
            var futures = new LinkedHashMap<String, List<Future<Optional<LabGrade>>>>();
            progress.begin(submissions.size() * labs.size());
            for (var s : submissions) {
                var list = new ArrayList<Future<Optional<LabGrade>>>();
                boolean force = fresh.contains(s.student()) || !only.isEmpty();
                boolean chosen = only.isEmpty() || only.contains(s.student()) || fresh.contains(s.student());
                for (var lab : labs) {
                    list.add(executor.submit(() -> {
                        var sources = s.sources(lab.spec());
                        Optional<LabGrade> g;
                        if (chosen) {
                            g = Optional.of(grade(lab, s.student(), sources, force));
                        } else {
                            g = sources.map(lab::graded).filter(src -> !src.isEmpty() && !src.sameCode(lab.starter()))
                                    .map(src -> cached(lab, src))
                                    .orElseGet(() -> Optional.of(grade(lab, s.student(), sources, false)));
                        }
                        g.ifPresent(grade -> progress.graded(s.student(), grade));
                        return g;
                    }));
                }
                futures.put(s.student(), list);
            }
            var grades = new ArrayList<StudentGrade>();
            for (var e : futures.entrySet()) {
                var labGrades = new ArrayList<LabGrade>();
                for (var f : e.getValue()) f.get().ifPresent(labGrades::add);
                if (labGrades.size() == labs.size()) grades.add(new StudentGrade(e.getKey(), labGrades));
            }
            progress.end();
            return grades;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    public Kit kit() {
        return kit;
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
