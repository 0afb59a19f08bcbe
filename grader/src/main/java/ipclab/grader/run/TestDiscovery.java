package ipclab.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import ipclab.grader.score.ExpectedTest;
import ipclab.testkit.Scoring;
import ipclab.testkit.Visibility;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Finds the tests a lab's run must report, in the grader's own JVM, from the kit's test classes
 * compiled against the (trusted) starter — never from what a student's test JVM says. A graded
 * test is a test method (a parameterized test is one test, passed when all its cases pass); its
 * points come from {@code @Points}, its visibility from {@code @Visibility} on the method or its
 * class, else from where its source is (public tests visible, hidden tests hidden).
 *
 * <pre>{@code
 * List<ExpectedTest> tests = TestDiscovery.discover(List.of(testClasses, starterClasses), classNames, defaults);
 * }</pre>
 */
public final class TestDiscovery {
    private TestDiscovery() {
    }

    /**
     * @param classpath  the compiled tests and starter (the kit's jars come from the grader's own classpath)
     * @param testClasses the top-level classes of the lab's test sources, with the visibility each has by default
     */
    public static List<ExpectedTest> discover(List<Path> classpath, Map<String, Visibility.Level> testClasses) {
        var urls = classpath.stream().map(TestDiscovery::url).toArray(URL[]::new);
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        try (var loader = new URLClassLoader("lab-tests", urls, TestDiscovery.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            var selectors = new ArrayList<org.junit.platform.engine.DiscoverySelector>();
            for (String name : testClasses.keySet()) selectors.add(DiscoverySelectors.selectClass(Class.forName(name, false, loader)));
            var launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).enablePostDiscoveryFilterAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false).enableLauncherSessionListenerAutoRegistration(false).build());
            var plan = launcher.discover(request().selectors(selectors).build());
            var found = new ArrayList<ExpectedTest>();
            for (var engine : plan.getRoots()) collect(plan, engine, testClasses, found);
            return found;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled test class is missing: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void collect(TestPlan plan, TestIdentifier id, Map<String, Visibility.Level> defaults, List<ExpectedTest> found) {
        if (id.getSource().orElse(null) instanceof MethodSource source) {
            var method = Scoring.method(source).orElseThrow(() -> new IllegalStateException("cannot load " + source));
            String className = source.getClassName();
            String parent = plan.getParent(id).map(TestIdentifier::getDisplayName).orElse("");
            found.add(new ExpectedTest(id.getUniqueId(), className, source.getMethodName(), parent + " › " + id.getDisplayName(),
                    Scoring.points(method), visibility(method, source.getJavaClass(), defaults)));
            return;  // the cases of a parameterized test are part of it
        }
        for (var child : plan.getChildren(id)) collect(plan, child, defaults, found);
    }

    private static Visibility.Level visibility(Method method, Class<?> testClass, Map<String, Visibility.Level> defaults) {
        var onMethod = method.getAnnotation(Visibility.class);
        if (onMethod != null) return onMethod.value();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            var onClass = c.getAnnotation(Visibility.class);
            if (onClass != null) return onClass.value();
        }
        Class<?> top = testClass;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        return defaults.getOrDefault(top.getName(), Visibility.Level.HIDDEN);
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
