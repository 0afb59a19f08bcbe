package ipclab.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a test is worth when it passes (a test without it is worth 1). The grader
 * reads it from the test method; see {@link Scoring#points}.
 *
 * <pre>{@code
 * @Test @Points(3)
 * void childWritesTheWholeSequenceIntoSharedMemory(Lab lab) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    int value() default 1;
}
