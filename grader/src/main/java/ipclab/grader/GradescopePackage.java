package ipclab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ipclab.grader.handout.Pom;
import ipclab.grader.submission.Kit;

/**
 * Writes {@code autograder.zip}, the autograder Gradescope takes:
 *
 * <pre>
 *   setup.sh          finds or installs a JDK 25, builds the grader and the kit's jars (once, at image build)
 *   run_autograder    grades /autograder/submission with ./grade gradescope, writes results/results.json
 *   ipc-labs/         the kit: the support library, the testkit, the labs (starters, public and hidden
 *                     tests), the grader's and its harness's sources, the Maven Wrapper; a root pom of
 *                     only those modules
 * </pre>
 *
 * Nothing else: no reference solutions, no example class or test fixtures (student folders), no
 * caches, no {@code target/}. Both scripts take the root from {@code AUTOGRADER_ROOT} (default
 * {@code /autograder}). A zip keeps no Unix modes: {@code setup.sh} (which Gradescope runs with
 * bash) makes the rest executable.
 */
public final class GradescopePackage {
    /** The root pom's modules in the package: the labs' parent lists every lab, with its hidden tests. */
    private static final List<String> MODULES = List.of("kit/ipc", "kit/testkit", "labs", "grader/harness", "grader");
    private static final List<String> SKIP = List.of("target", ".grader", ".git", "grader/example-class", "grader/src/test", "solutions",
            "bench");

    private GradescopePackage() {
    }

    /** Writes outDir/autograder.zip and returns its path. */
    public static Path write(Kit kit, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path zip = outDir.resolve("autograder.zip");
            Path root = kit.root();
            try (OutputStream file = Files.newOutputStream(zip); var out = new ZipOutputStream(file)) {
                add(out, "setup.sh", resource("setup.sh"));
                add(out, "run_autograder", resource("run_autograder"));
                add(out, "ipc-labs/pom.xml", Pom.parse(Files.readString(root.resolve("pom.xml"))).modules(MODULES).toString().getBytes());
                for (String top : List.of("mvnw", "grade", ".mvn", "kit", "labs", "grader")) addTree(out, root, root.resolve(top));
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addTree(ZipOutputStream out, Path root, Path from) throws IOException {
        if (!Files.exists(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (SKIP.stream().anyMatch(s -> rel.equals(s) || rel.startsWith(s + "/") || rel.contains("/" + s + "/"))) continue;
                add(out, "ipc-labs/" + rel, Files.readAllBytes(f));
            }
        }
    }

    private static void add(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GradescopePackage.class.getResourceAsStream("gradescope/" + name)) {
            if (in == null) throw new IllegalStateException("gradescope/" + name + " is missing from the grader's resources");
            return in.readAllBytes();
        }
    }
}
