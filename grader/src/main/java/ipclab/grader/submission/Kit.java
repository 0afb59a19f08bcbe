package ipclab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The course kit on disk, as the grader reads it: the labs (starter, public and hidden tests),
 * their reference and wrong solutions, and the jars the grader's build copied for the test JVMs.
 *
 * <pre>{@code
 * var kit = Kit.locate();                      // -Dipclab.kit, or the checkout the grader runs from
 * for (LabSpec lab : kit.labs()) System.out.println(lab.name() + " " + lab.packageName());
 * }</pre>
 */
public record Kit(Path root) {
    public Kit {
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("labs"))) {
            throw new IllegalArgumentException(root + " is not the ipc-labs kit (it has no labs/ folder)");
        }
    }

    /** The kit named by {@code -Dipclab.kit}, else the checkout the grader's classes were built in, else the working directory's. */
    public static Kit locate() {
        String chosen = System.getProperty("ipclab.kit");
        if (chosen != null && !chosen.isBlank()) return new Kit(Path.of(chosen));
        for (Path start : List.of(codeLocation(), Path.of("").toAbsolutePath())) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("kit/testkit")) && Files.isRegularFile(p.resolve("pom.xml"))) return new Kit(p);
            }
        }
        throw new IllegalStateException("cannot find the ipc-labs kit: run the grader from the kit (./grade) or pass -Dipclab.kit=DIR");
    }

    private static Path codeLocation() {
        try {
            return Path.of(Kit.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** Every lab of the kit, in name order: a folder of {@code labs/} with a starter and tests. */
    public List<LabSpec> labs() {
        try (Stream<Path> dirs = Files.list(root.resolve("labs"))) {
            var labs = new ArrayList<LabSpec>();
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                if (!Files.isDirectory(dir.resolve("src/main/java"))) continue;
                LabSpec.read(this, dir).ifPresent(labs::add);
            }
            return labs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labs named (a full name or a prefix such as {@code lab1}); all of them when none is named. */
    public List<LabSpec> labs(List<String> names) {
        var all = labs();
        if (names == null || names.isEmpty()) return all;
        var chosen = new ArrayList<LabSpec>();
        for (String name : names) {
            var matches = all.stream().filter(l -> l.name().equals(name)).toList();
            if (matches.isEmpty()) matches = all.stream().filter(l -> l.name().startsWith(name)).toList();
            if (matches.size() != 1) {
                throw new IllegalArgumentException("no single lab named '" + name + "' (labs: "
                        + String.join(", ", all.stream().map(LabSpec::name).toList()) + ")");
            }
            if (!chosen.contains(matches.getFirst())) chosen.add(matches.getFirst());
        }
        return chosen;
    }

    /** The jars the grader's build copied (grader/target/lib): the test JVM's libraries. */
    public Path libDir() {
        return Path.of(System.getProperty("ipclab.grader.lib", root.resolve("grader/target/lib").toString())).toAbsolutePath();
    }

    /** The harness module's jar, which the grader's build copied (grader/target/harness/harness.jar). */
    public Path harnessModule() {
        return Path.of(System.getProperty("ipclab.grader.harness", root.resolve("grader/target/harness/harness.jar").toString()))
                .toAbsolutePath();
    }

    /** The bundled example class (grader/example-class). */
    public Path exampleClass() {
        return root.resolve("grader/example-class");
    }
}
