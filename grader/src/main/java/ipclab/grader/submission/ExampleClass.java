package ipclab.grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The bundled example class ({@code grader/example-class}), kept small by describing each student
 * as an overlay: {@code <student>/student.properties} says which labs start from the reference
 * solution or the starter, and the files under {@code <student>/labs/} are laid over them (only
 * what that student changed). {@link #materialize} writes the clones the grader then grades like
 * any class.
 *
 * <pre>
 *   example-class/ada/student.properties        * = solution
 *   example-class/cyd/student.properties        lab1 = solution
 *   example-class/cyd/labs/lab1-…/src/main/java/ipclab/fibonacci/FibonacciChild.java   (does not compile)
 * </pre>
 * A key is a lab's name or prefix, or {@code *} for every lab; a later key wins.
 */
public final class ExampleClass {
    private ExampleClass() {
    }

    /** Writes one clone per student of the example class under target and returns target. */
    public static Path materialize(Kit kit, Path exampleDir, Path target) {
        try (Stream<Path> students = Files.list(exampleDir)) {
            for (Path student : students.filter(Files::isDirectory).sorted().toList()) {
                Path clone = target.resolve(student.getFileName().toString());
                var bases = new Properties();
                Path props = student.resolve("student.properties");
                if (Files.isRegularFile(props)) {
                    try (InputStream in = Files.newInputStream(props)) {
                        bases.load(in);
                    }
                }
                for (LabSpec lab : kit.labs()) {
                    String base = null;
                    for (String key : bases.stringPropertyNames().stream().sorted().toList()) {
                        if (key.equals("*") || lab.name().startsWith(key)) base = bases.getProperty(key).strip();
                    }
                    Path from = switch (base == null ? "" : base) {
                        case "solution" -> lab.solution();
                        case "starter" -> lab.starter();
                        case "" -> null;
                        default ->
                            throw new IllegalArgumentException(props + ": a lab starts from 'solution' or 'starter', not '" + base + "'");
                    };
                    if (from != null) copyTree(from, clone.resolve("labs").resolve(lab.name()).resolve("src/main/java"));
                }
                if (Files.isDirectory(student.resolve("labs"))) copyTree(student.resolve("labs"), clone.resolve("labs"));
                Files.createDirectories(clone);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the regular files under from to the same places under to, replacing what is there. */
    public static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
