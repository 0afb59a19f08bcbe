package ipclab.grader.score;

/**
 * One expected test's result: the verdict, the message (for failures) and how long it ran. When a
 * submission is graded several times ({@code --repeat N}), {@code runs} counts the runs and
 * {@code passes} those the test passed; the verdict is the majority's, and a test whose verdict
 * differed between runs is {@link #unstable()}.
 */
public record TestOutcome(ExpectedTest test, Verdict verdict, String message, long millis, int runs, int passes) {

    public TestOutcome {
        message = message == null ? "" : message;
    }

    /** The outcome of one run. */
    public TestOutcome(ExpectedTest test, Verdict verdict, String message, long millis) {
        this(test, verdict, message, millis, 1, verdict == Verdict.PASSED ? 1 : 0);
    }

    public int earned() {
        return verdict == Verdict.PASSED ? test.points() : 0;
    }

    /** Passed in some runs and not in others: the verdict depended on something besides the code. */
    public boolean unstable() {
        return passes > 0 && passes < runs;
    }
}
