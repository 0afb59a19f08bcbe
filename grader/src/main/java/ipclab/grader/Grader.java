package ipclab.grader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ipclab.grader.build.Libraries;
import ipclab.grader.cache.CacheKeys;
import ipclab.grader.cache.ResultCache;
import ipclab.grader.run.TestRun;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.sandbox.Sandbox;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Repeats;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.Timings;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.Submission;

/**
 * The grader, built once from the kit, the {@link Settings} and a sandbox, and shared by every
 * command and the tests. It is a one-way pipeline of three steps, each a class of its own:
 *
 * <pre>
 *   LabSpec ──► {@link Catalog}: expected tests, reference times ──► PreparedLab
 *   PreparedLab + a student's sources ──► {@link LabGrader}: unchanged? cached? compile, run in the sandbox ──► LabGrade
 *   PreparedLabs + submissions ──► {@link ClassGrader}: every student x lab, jobs at a time ──► StudentGrades
 * </pre>
 *
 * with the {@link ResultCache} beside them, keyed by {@link CacheKeys}.
 *
 * <pre>{@code
 * var grader = new Grader(kit, settings, sandbox);
 * var lab = grader.prepare(kit.labs(List.of("lab1")).getFirst());
 * LabGrade grade = grader.grade(lab, "ada", Optional.of(sources), false);
 * }</pre>
 *
 * A student x lab never throws: whatever goes wrong in the grader on one submission becomes a
 * {@link LabStatus#GRADER_ERROR} grade for it, and the class goes on.
 */
public final class Grader {
    private final Kit kit;
    private final Sandbox sandbox;
    private final String version;
    private final Catalog catalog;
    private final LabGrader labGrader;
    private final ClassGrader classGrader;

    /**
     * How to grade: the run limits, student x labs graded at once ({@code jobs}), tests of one run
     * at once ({@code testThreads}), deadline stretch, compile limit, where to work and cache, and
     * how many times each submission is graded ({@code repeat}: the majority's verdict counts, see
     * {@link Repeats}).
     */
    public record Settings(Limits limits, int jobs, int testThreads, double timeFactor, Duration compileLimit, Path workRoot,
                           ResultCache cache, int repeat) {

        public Settings(Limits limits, int jobs, int testThreads, double timeFactor, Duration compileLimit, Path workRoot,
                        ResultCache cache) {
            this(limits, jobs, testThreads, timeFactor, compileLimit, workRoot, cache, 1);
        }

        /** Tests of one run at once when nothing says otherwise: they wait mostly for the programs they start. */
        public static int defaultTestThreads() {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }
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

    public Grader(Kit kit, Settings settings, Sandbox sandbox) {
        this.kit = kit;
        this.sandbox = sandbox;
        var libraries = Libraries.in(kit.libDir());
        var testRun = new TestRun(sandbox, settings.limits(), libraries, kit.harnessModule(), settings.timeFactor(),
                settings.testThreads());
        this.version = GraderVersion.of(kit.harnessModule(), kit.libDir());
        var keys = new CacheKeys(version, settings.limits(), settings.timeFactor(), settings.testThreads(), settings.repeat(), sandbox);
        this.labGrader = new LabGrader(settings, libraries, testRun, keys);
        this.catalog = new Catalog(settings, libraries, keys, labGrader);
        this.classGrader = new ClassGrader(settings.jobs(), labGrader);
    }

    public Kit kit() {
        return kit;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    /** The grader's version (its code, the harness, the jars): part of every cache key, and named in the reports. */
    public String version() {
        return version;
    }

    /**
     * Builds the lab's starter with its tests (the solution if the starter does not build), finds
     * the tests every submission's run must report, and runs the reference solution once to time
     * them; both are cached.
     */
    public PreparedLab prepare(LabSpec lab) {
        return catalog.prepare(lab);
    }

    /** The tests every submission's run of the lab must report, without timing the reference solution. */
    public List<ExpectedTest> expectedTests(LabSpec lab) {
        return catalog.expectedTests(lab).tests();
    }

    /** Grades one student x lab; {@code force} ignores the cache. Never throws. */
    public LabGrade grade(PreparedLab lab, String student, Optional<SourceSet> submitted, boolean force) {
        return labGrader.grade(lab, student, submitted, force);
    }

    /** Grades the sources as they are, unchanged from the starter or not, never from the cache (for validate). */
    public LabGrade gradeAlways(PreparedLab lab, String name, SourceSet sources) {
        return labGrader.gradeAlways(lab, name, sources);
    }

    /** The content the result depends on ({@link CacheKeys#grade}), of the sources as graded. */
    public String cacheKey(PreparedLab lab, SourceSet sources) {
        return labGrader.cacheKey(lab, sources);
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
        return classGrader.grade(submissions, labs, only, fresh, progress);
    }

    /** The timings of every student x lab this grader built and ran (not those from the cache). */
    public List<Timings> freshTimings() {
        return labGrader.freshTimings();
    }
}
