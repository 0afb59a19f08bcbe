package ipclab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ipclab.grader.submission.Kit;
import ipclab.grader.submission.LabSpec;

/**
 * Writes the student repository from the kit: what a student clones.
 *
 * <pre>
 *   README.md, pom.xml, mvnw, mvnw.cmd, .mvn/, .gitignore, run (runs one lab program)
 *   bench/           what IPC costs (bench/run), shipped but not part of any lab
 *   kit/ipc/        the support library (its sources; not its own tests)
 *   kit/testkit/    the test support (likewise)
 *   labs/&lt;lab&gt;/      README.md (the handout), pom.xml, src/main/java (starter), src/test/java (public tests)
 * </pre>
 *
 * No hidden tests, no solutions, no grader. The root pom lists only these modules, sets
 * {@code starter.tests.skip} to false, so {@code ./mvnw test} runs the public tests, and
 * {@code kit.tests.skip} to true, so that {@code -am} does not run the library's own tests; each
 * lab's pom loses the build step that adds the hidden tests.
 */
public final class Handout {
    private static final Pattern MODULES = Pattern.compile("<modules>.*?</modules>", Pattern.DOTALL);
    private static final Pattern SKIP = Pattern.compile("<starter\\.tests\\.skip>\\s*true\\s*</starter\\.tests\\.skip>");
    private static final Pattern SKIP_COMMENT = Pattern.compile("\\s*<!--[^>]*?handout[^>]*?-->(?=\\s*<starter\\.tests\\.skip>)", Pattern.DOTALL);
    private static final Pattern HIDDEN_PLUGIN = Pattern.compile(
            "\\s*<plugin>\\s*<groupId>org\\.codehaus\\.mojo</groupId>\\s*<artifactId>build-helper-maven-plugin</artifactId>.*?</plugin>", Pattern.DOTALL);
    private static final Pattern LAB_COMMENT = Pattern.compile("<!--(?:(?!-->).)*hidden(?:(?!-->).)*-->", Pattern.DOTALL);

    private Handout() {
    }

    /** Writes the repository into out (new or empty) and returns the labs it holds. */
    public static List<String> write(Kit kit, Path out) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> any = Files.list(out)) {
                    if (any.findAny().isPresent()) throw new IllegalArgumentException(out + " is not empty: choose a new folder");
                }
            }
            Files.createDirectories(out);
            Path root = kit.root();
            var labs = kit.labs();
            var modules = new ArrayList<>(List.of("kit/ipc", "kit/testkit"));
            labs.forEach(l -> modules.add("labs/" + l.name()));
            modules.add("bench");

            copyFile(root.resolve("mvnw"), out.resolve("mvnw"));
            copyFile(root.resolve("mvnw.cmd"), out.resolve("mvnw.cmd"));
            copyTree(root.resolve(".mvn"), out.resolve(".mvn"), List.of());
            makeExecutable(out.resolve("mvnw"));
            copyFile(root.resolve("run"), out.resolve("run"));
            makeExecutable(out.resolve("run"));
            copyTree(root.resolve("bench"), out.resolve("bench"), List.of("target"));
            makeExecutable(out.resolve("bench/run"));
            Files.writeString(out.resolve(".gitignore"), "target/\n*.class\n");
            Files.writeString(out.resolve("pom.xml"), rootPom(Files.readString(root.resolve("pom.xml")), modules));
            Files.writeString(out.resolve("README.md"), readme(labs));

            for (String lib : List.of("kit/ipc", "kit/testkit")) {
                Path from = root.resolve(lib);
                copyFile(from.resolve("pom.xml"), out.resolve(lib).resolve("pom.xml"));
                copyTree(from.resolve("src/main"), out.resolve(lib).resolve("src/main"), List.of());
            }
            for (LabSpec lab : labs) {
                Path to = out.resolve("labs").resolve(lab.name());
                copyTree(lab.dir(), to, List.of("target", "src/hidden"));
                Files.writeString(to.resolve("pom.xml"), labPom(Files.readString(lab.dir().resolve("pom.xml"))));
            }
            return labs.stream().map(LabSpec::name).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rootPom(String pom, List<String> modules) {
        var list = new StringBuilder("<modules>\n");
        modules.forEach(m -> list.append("    <module>").append(m).append("</module>\n"));
        list.append("  </modules>");
        String result = MODULES.matcher(pom).replaceFirst(Matcher.quoteReplacement(list.toString()));
        result = SKIP_COMMENT.matcher(result).replaceFirst("\n    <!-- The public tests run on your work: ./mvnw test -->");
        result = SKIP.matcher(result).replaceFirst("<starter.tests.skip>false</starter.tests.skip>");
        result = result.replace("<kit.tests.skip>false</kit.tests.skip>", "<kit.tests.skip>true</kit.tests.skip>");
        if (!result.contains("<starter.tests.skip>false</starter.tests.skip>")) {
            throw new IllegalStateException("the kit's pom.xml has no <starter.tests.skip>true</starter.tests.skip> to turn off");
        }
        return result;
    }

    static String labPom(String pom) {
        String result = HIDDEN_PLUGIN.matcher(pom).replaceAll("");
        return LAB_COMMENT.matcher(result).replaceAll(
                "<!-- Your lab: your code in src/main/java, the public tests in src/test/java (./mvnw test). -->");
    }

    private static String readme(List<LabSpec> labs) throws IOException {
        try (InputStream in = Handout.class.getResourceAsStream("handout/README.md")) {
            if (in == null) throw new IllegalStateException("the handout README template is missing from the grader's resources");
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var list = new StringBuilder();
            for (var lab : labs) {
                list.append("- [").append(lab.name()).append("](labs/").append(lab.name()).append("/README.md): `./mvnw test -pl labs/")
                        .append(lab.name()).append(" -am`\n");
            }
            return template.replace("{{labs}}", list.toString().strip()).replace("{{first}}", labs.isEmpty() ? "lab1" : labs.getFirst().name());
        }
    }

    private static void copyFile(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) return;
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Copies a tree of regular files, leaving out the relative paths in skip (and everything under them). */
    private static void copyTree(Path from, Path to, List<String> skip) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(f).toString().replace('\\', '/');
                if (skip.stream().anyMatch(s -> rel.equals(s) || rel.startsWith(s + "/"))) continue;
                copyFile(f, to.resolve(rel));
            }
        }
    }

    private static void makeExecutable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the student runs mvnw.cmd there
        }
    }
}
