package ipclab.grader;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import ipclab.grader.run.Reference;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;

/**
 * A lab ready to grade ({@link Grader#prepare}): its starter (to recognise untouched submissions),
 * its expected tests, a digest of the kit's side, the reference solution's times (which size the
 * limits), and the reference solution's grade when it was run to measure them just now.
 */
public record PreparedLab(LabSpec spec, SourceSet starter, List<ExpectedTest> tests, String kitDigest, Reference reference,
                          Optional<LabGrade> referenceRun) {
    public int maxPoints() {
        return tests.stream().mapToInt(ExpectedTest::points).sum();
    }

    /**
     * The sources as they are graded: every given file of the lab is the starter's copy, a
     * changed or missing one named in a note ({@link SourceSet#withGiven}). Every way into the
     * grader (grade, gradeAlways, the cache key, the reference run) goes through here.
     */
    public SourceSet graded(SourceSet sources) {
        return sources.withGiven(starter, spec.givenFiles());
    }

    /** The same lab with only some of its tests (to check what a wrong solution must fail). */
    public PreparedLab only(Predicate<ExpectedTest> which) {
        return new PreparedLab(spec, starter, tests.stream().filter(which).toList(), kitDigest, reference, Optional.empty());
    }

    /** The same lab with its reference times, and the run that measured them if it ran just now. */
    PreparedLab withReference(Reference times, Optional<LabGrade> run) {
        return new PreparedLab(spec, starter, tests, kitDigest, times, run);
    }
}
