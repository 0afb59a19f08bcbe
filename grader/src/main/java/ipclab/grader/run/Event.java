package ipclab.grader.run;

/** What the harness reported on the results channel (see {@link ResultChannel}). */
public sealed interface Event {
    /** The harness is up: stdin is closed, no test class is loaded yet. */
    record Ready() implements Event {
    }

    record Started(String uid) implements Event {
    }

    /** A test ended: status PASSED, FAILED, ABORTED or SKIPPED. */
    record Ended(String uid, String status, long millis, String message) implements Event {
    }

    /** Every selected test has run. */
    record Done() implements Event {
    }
}
