package ipclab.grader.score;

import ipclab.testkit.Visibility;

/**
 * A test the grader expects to report, as it found it in the kit's pristine test classes: its
 * JUnit unique id, where it is, the name students read, its points and who sees its result.
 */
public record ExpectedTest(String uid, String className, String method, String name, int points, Visibility.Level visibility) {

    /** {@code SimpleClassName#methodName}, as a wrong solution's header names a test. */
    public String shortName() {
        return className.substring(className.lastIndexOf('.') + 1) + "#" + method;
    }
}
