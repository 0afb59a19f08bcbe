package ipclab.testkit;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Reads what a test is worth from its source, as the grader sees it in a {@code TestIdentifier}:
 * {@code Scoring.points(identifier.getSource().orElse(null))}.
 */
public final class Scoring {
    private Scoring() {
    }

    /** The test's {@link Points}, 1 if it has none, 0 if the source is not a test method. */
    public static int points(TestSource source) {
        return method(source).map(Scoring::points).orElse(0);
    }

    public static int points(Method method) {
        var points = method.getAnnotation(Points.class);
        return points == null ? 1 : points.value();
    }

    /** The test method behind a source, if it is a method and its class can be loaded. */
    public static Optional<Method> method(TestSource source) {
        if (!(source instanceof MethodSource ms)) return Optional.empty();
        try {
            return Optional.of(ms.getJavaMethod());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
