package ipclab.grader.score;

/** How a test ended. Only {@link #PASSED} earns its points. */
public enum Verdict {
    PASSED,
    FAILED,
    /** Skipped or aborted by the test itself (an assumption that did not hold). */
    SKIPPED,
    /** Not run because the lab was not graded (no submission, unchanged, did not compile). */
    NOT_RUN
}
