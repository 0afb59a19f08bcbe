package ipclab.grader.report;

import ipclab.grader.score.TestOutcome;
import ipclab.testkit.Visibility;

/**
 * What a student may see of a test, by its {@link Visibility}: visible tests in full, hidden
 * tests by name, points and outcome only, after-due-date tests not at all until the results
 * are released ({@code released}), then in full.
 */
record Visible(boolean released) {

    boolean listed(TestOutcome t) {
        return t.test().visibility() != Visibility.Level.AFTER_DUE_DATE || released;
    }

    boolean showsMessage(TestOutcome t) {
        return switch (t.test().visibility()) {
            case VISIBLE -> true;
            case HIDDEN -> false;
            case AFTER_DUE_DATE -> released;
        };
    }
}
