package ipclab.grader.score;

/** Whether a student x lab was graded, and if not, why. */
public enum LabStatus {
    /** Built and run: the score is the points of the tests that passed. */
    GRADED("graded"),
    /** The submission has no folder for this lab. */
    NOT_SUBMITTED("not submitted"),
    /** The sources are the starter's, unchanged: nothing to grade. */
    UNCHANGED("unchanged from the starter"),
    /** The student's code did not compile (the feedback has the compiler's errors). */
    NOT_COMPILED("does not compile"),
    /** The grader itself failed on this submission (the message says how); regrade it. */
    GRADER_ERROR("grader error");

    private final String words;

    LabStatus(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
