package ipclab.grader.score;

/** One expected test's result: the verdict, the message (for failures) and how long it ran. */
public record TestOutcome(ExpectedTest test, Verdict verdict, String message, long millis) {

    public TestOutcome {
        message = message == null ? "" : message;
    }

    public int earned() {
        return verdict == Verdict.PASSED ? test.points() : 0;
    }
}
