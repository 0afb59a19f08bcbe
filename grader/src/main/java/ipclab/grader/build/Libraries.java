package ipclab.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars a lab is compiled and tested with, from the folder the grader's build fills
 * ({@code grader/target/lib}): the kit's {@code ipc} and {@code testkit}, JUnit, AssertJ,
 * Awaitility, Jackson (lab 5's JSON) and what they need. Nothing is downloaded at grading time.
 *
 * <p>In the test JVM, JUnit's jars go on the module path (named modules: code on the classpath
 * cannot reflect into them, nor reach the harness's listener through them) and the rest on the
 * classpath with the tests and the student's classes.
 */
public record Libraries(Path dir, List<Path> jars) {

    public static Libraries in(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "no libraries at " + dir + ": build the grader first (./grade does, or ./mvnw -pl grader -am package)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            var jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            return new Libraries(dir, jars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path jar) {
        return jar.getFileName().toString();
    }

    /** The support library and the JSON library (lab 5), all a student's main code may use besides the JDK. */
    public List<Path> forMainCode() {
        return jars.stream().filter(j -> name(j).startsWith("ipc-") || name(j).startsWith("jackson-")).toList();
    }

    /** Everything the tests compile against (byte-buddy, AssertJ's runtime helper, only slows javac down). */
    public List<Path> forTests() {
        return jars.stream().filter(j -> !name(j).startsWith("byte-buddy-")).toList();
    }

    public List<Path> modulePath() {
        return jars.stream().filter(Libraries::isModule).toList();
    }

    public List<Path> classPath() {
        return jars.stream().filter(j -> !isModule(j)).toList();
    }

    private static boolean isModule(Path jar) {
        String n = name(jar);
        return n.startsWith("junit-") || n.startsWith("opentest4j-") || n.startsWith("apiguardian-");
    }
}
