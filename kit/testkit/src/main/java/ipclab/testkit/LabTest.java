package ipclab.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of a lab: each test may ask for a {@link Lab} parameter, gets a time limit
 * of 120 s unless it sets its own {@code @Timeout}, and fails if it leaves a process, a message
 * queue, a shared-memory segment or a named pipe behind (see {@link LabExtension}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LabExtension.class)
@Timeout(120)
public @interface LabTest {
}
