package ipclab.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.submission.Submission;

/**
 * The {@link Grader}'s last step: every submission on every lab, {@code jobs} student x labs at
 * a time, each by the {@link LabGrader}; the class's grades in the submissions' order.
 */
final class ClassGrader {
    private final int jobs;
    private final LabGrader grader;

    ClassGrader(int jobs, LabGrader grader) {
        this.jobs = Math.max(1, jobs);
        this.grader = grader;
    }

    /**
     * Students in {@code only} (all if it is empty) are graded afresh, the others taken from the
     * cache, and left out if it has nothing for their current sources; those in {@code fresh} are
     * always graded afresh (the reference solution as a control).
     */
    List<StudentGrade> grade(List<Submission> submissions, List<PreparedLab> labs, Set<String> only, Set<String> fresh,
                             Grader.Progress progress) {
        var executor = Executors.newFixedThreadPool(jobs, Thread.ofPlatform().name("grade-", 0).factory());
        try {
            progress.begin(submissions.size() * labs.size());
            var grades = collect(submitAll(executor, submissions, labs, only, fresh, progress), labs.size());
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

    /** Every student x lab, submitted to the executor: by student, in lab order. */
    private Map<String, List<Future<Optional<LabGrade>>>> submitAll(ExecutorService executor, List<Submission> submissions,
                                                                    List<PreparedLab> labs, Set<String> only, Set<String> fresh,
                                                                    Grader.Progress progress) {
        var futures = new LinkedHashMap<String, List<Future<Optional<LabGrade>>>>();
        for (var s : submissions) {
            var list = new ArrayList<Future<Optional<LabGrade>>>();
            boolean force = fresh.contains(s.student()) || !only.isEmpty();
            boolean chosen = only.isEmpty() || only.contains(s.student()) || fresh.contains(s.student());
            for (var lab : labs) {
                list.add(executor.submit(() -> {
                    var g = gradeOne(s, lab, chosen, force);
                    g.ifPresent(grade -> progress.graded(s.student(), grade));
                    return g;
                }));
            }
            futures.put(s.student(), list);
        }
        return futures;
    }

    /**
     * A chosen student x lab is graded ({@code force}: afresh); one not chosen comes from the
     * cache, or is empty when the cache has nothing for its sources (a submission that is missing
     * or unchanged from the starter is graded, which costs nothing).
     */
    private Optional<LabGrade> gradeOne(Submission s, PreparedLab lab, boolean chosen, boolean force) {
        var sources = s.sources(lab.spec());
        if (chosen) return Optional.of(grader.grade(lab, s.student(), sources, force));
        return sources.map(lab::graded).filter(src -> !src.isEmpty() && !src.sameCode(lab.starter()))
                .map(src -> grader.cached(lab, src))
                .orElseGet(() -> Optional.of(grader.grade(lab, s.student(), sources, false)));
    }

    /** The grades of the students graded on every lab; the others are left out. */
    private static List<StudentGrade> collect(Map<String, List<Future<Optional<LabGrade>>>> futures, int labs)
            throws InterruptedException, ExecutionException {
        var grades = new ArrayList<StudentGrade>();
        for (var e : futures.entrySet()) {
            var labGrades = new ArrayList<LabGrade>();
            for (var f : e.getValue()) f.get().ifPresent(labGrades::add);
            if (labGrades.size() == labs) grades.add(new StudentGrade(e.getKey(), labGrades));
        }
        return grades;
    }
}
