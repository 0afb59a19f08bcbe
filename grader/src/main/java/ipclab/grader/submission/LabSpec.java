package ipclab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One lab of the kit: where its starter, public tests, hidden tests, reference solution and
 * wrong solutions are, and the Java package a submission's classes must be in.
 *
 * <pre>
 *   labs/&lt;name&gt;/src/main/java/ipclab/&lt;pkg&gt;/     starter        (what a student starts from)
 *   labs/&lt;name&gt;/src/main/given.txt              given files    (the starter's files a student must not change)
 *   labs/&lt;name&gt;/src/test/java/                  public tests   (visible by default)
 *   labs/&lt;name&gt;/src/hidden/java/                hidden tests   (hidden by default)
 *   solutions/&lt;name&gt;/src/main/java/             reference solution
 *   solutions/&lt;name&gt;/src/second/java/           a second solution of another shape (optional)
 *   solutions/&lt;name&gt;/wrong/&lt;w&gt;.patch             wrong solution w, a patch against the reference
 * </pre>
 */
public record LabSpec(String name, String packageName, Path dir, Path solutionDir) {

    static Optional<LabSpec> read(Kit kit, Path dir) {
        Path starter = dir.resolve("src/main/java");
        var pkg = findPackage(starter);
        if (pkg.isEmpty()) return Optional.empty();
        String name = dir.getFileName().toString();
        return Optional.of(new LabSpec(name, pkg.get(), dir, kit.root().resolve("solutions").resolve(name)));
    }

    /** The package of the starter: the deepest folder under ipclab/ that holds .java files. */
    private static Optional<String> findPackage(Path javaRoot) {
        Path base = javaRoot.resolve("ipclab");
        if (!Files.isDirectory(base)) return Optional.empty();
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(Path::getParent).distinct()
                    .map(p -> javaRoot.relativize(p).toString().replace('/', '.').replace('\\', '.'))
                    .min((a, b) -> Integer.compare(a.length(), b.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path starter() {
        return dir.resolve("src/main/java");
    }

    public Path publicTests() {
        return dir.resolve("src/test/java");
    }

    public Path hiddenTests() {
        return dir.resolve("src/hidden/java");
    }

    public Path solution() {
        return solutionDir.resolve("src/main/java");
    }

    /**
     * A second correct solution, written differently from the reference (its own helpers, its
     * own argument parsing, another way to wait): full marks on it show that the tests grade
     * behaviour, not one implementation. Optional.
     */
    public Path secondSolution() {
        return solutionDir.resolve("src/second/java");
    }

    public boolean hasSolution() {
        return Files.isDirectory(solution().resolve(packagePath()));
    }

    /**
     * The files students must not change, as paths under {@code src/main/java}: one a line in
     * {@code src/main/given.txt}, {@code #} starting a comment; none without that file. The grader
     * always compiles the starter's copies of them (see {@link SourceSet#withGiven}).
     */
    public List<String> givenFiles() {
        Path list = dir.resolve("src/main/given.txt");
        if (!Files.isRegularFile(list)) return List.of();
        try (Stream<String> lines = Files.lines(list)) {
            return lines.map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package as a relative path, e.g. {@code ipclab/fibonacci}. */
    public String packagePath() {
        return packageName.replace('.', '/');
    }

    /** The bundled wrong solutions, in name order. */
    public List<WrongSolution> wrongSolutions() {
        Path wrong = solutionDir.resolve("wrong");
        if (!Files.isDirectory(wrong)) return List.of();
        try (Stream<Path> patches = Files.list(wrong)) {
            var found = new ArrayList<WrongSolution>();
            for (Path p : patches.filter(p -> p.toString().endsWith(".patch")).sorted().toList()) found.add(WrongSolution.read(p));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
