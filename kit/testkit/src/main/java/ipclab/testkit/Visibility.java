package ipclab.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who sees a test's result in the grader's feedback, beside {@link Points}. Without it, tests in
 * a lab's {@code src/test} (the public tests) are {@link Level#VISIBLE} and tests in
 * {@code src/hidden} are {@link Level#HIDDEN}. On a test class it sets the default for its
 * methods.
 *
 * <pre>{@code
 * @Test @Points(2) @Visibility(Visibility.Level.AFTER_DUE_DATE)
 * void manyClientsEachGetTheirOwnReplies(Lab lab) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Visibility {
    Level value();

    enum Level {
        /** Name, points, outcome and failure message. */
        VISIBLE,
        /** Name, points and outcome only: no failure message. */
        HIDDEN,
        /** Nothing before the due date; everything after it ({@code grade --after-due-date}). */
        AFTER_DUE_DATE
    }
}
