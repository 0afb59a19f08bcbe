package ipclab.grader.handout;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ipclab.grader.submission.Kit;
import ipclab.grader.submission.LabSpec;

/**
 * Writes the student repository from the kit: what a student clones. It is a git repository
 * with one commit.
 *
 * <pre>
 *   README.md, pom.xml, mvnw, mvnw.cmd, .gitignore
 *   .mvn/            the kit's, with {@code --quiet} added to maven.config
 *   run              runs one lab program (./run --version: which JDK the kit uses)
 *   submit           checks that every lab compiles, writes submission.zip (each lab's src/main)
 *   .github/workflows/self-check.yml   the public tests on every push, with a job summary
 *   bench/           what IPC costs (bench/run), shipped but not part of any lab
 *   kit/ipc/         the support library (its sources; not its own tests)
 *   kit/testkit/     the test support (likewise)
 *   labs/&lt;lab&gt;/      README.md (the handout), pom.xml, src/main/java (starter), src/main/given.txt (the
 *                    files students must not change), src/test (public tests)
 * </pre>
 *
 * No hidden tests, no solutions, no grader. The root pom lists only these modules and sets
 * {@code kit.tests.skip} to true, so that {@code -am} does not run the library's own tests, and
 * {@code surefire.printSummary} to false: with Maven's {@code --quiet}, a student's
 * {@code ./mvnw test} prints the self-check tables (the testkit's {@code SelfCheck}), the
 * failures' one-line list and Maven's error summary, not every step of the build; and
 * {@code spotless.check.skip} to true, so that a student's build never fails on the layout of
 * their code. The labs'
 * parent, {@code labs/pom.xml}, loses its {@code hidden-tests} profile (inert without
 * {@code src/hidden}, but the handout knows nothing of hidden tests), so {@code ./mvnw test}
 * runs the public tests; the labs' own poms are the kit's. The poms are changed as XML
 * ({@link Pom}), comments and layout kept.
 */
public final class Handout {
    static final String GITIGNORE = """
            # build output
            target/
            *.class
            # IDEs
            .idea/
            *.iml
            .vscode/
            .settings/
            .project
            .classpath
            .factorypath
            nbproject/
            .DS_Store
            # what ./submit writes
            submission.zip
            """;

    private Handout() {
    }

    /** Writes the repository into out (new or empty), commits it, and returns the labs it holds. */
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

            copyFile(root.resolve("mvnw"), out.resolve("mvnw"));
            copyFile(root.resolve("mvnw.cmd"), out.resolve("mvnw.cmd"));
            copyTree(root.resolve(".mvn"), out.resolve(".mvn"), List.of());
            Path mavenConfig = out.resolve(".mvn/maven.config");
            Files.writeString(mavenConfig,
                    (Files.isRegularFile(mavenConfig) ? Files.readString(mavenConfig).strip() + "\n" : "") + "--quiet\n");
            makeExecutable(out.resolve("mvnw"));
            copyFile(root.resolve("run"), out.resolve("run"));
            makeExecutable(out.resolve("run"));
            Files.writeString(out.resolve("submit"), resource("submit"));
            makeExecutable(out.resolve("submit"));
            copyTree(root.resolve("bench"), out.resolve("bench"), List.of("target"));
            makeExecutable(out.resolve("bench/run"));
            Files.writeString(out.resolve(".gitignore"), GITIGNORE);
            Files.createDirectories(out.resolve(".github/workflows"));
            Files.writeString(out.resolve(".github/workflows/self-check.yml"), selfCheckWorkflow(labs));
            Files.writeString(out.resolve("pom.xml"), rootPom(Files.readString(root.resolve("pom.xml"))));
            Files.createDirectories(out.resolve("labs"));
            Files.writeString(out.resolve("labs/pom.xml"), labsPom(Files.readString(root.resolve("labs/pom.xml")), labs));
            Files.writeString(out.resolve("README.md"), readme(labs));

            for (String lib : List.of("kit/ipc", "kit/testkit")) {
                Path from = root.resolve(lib);
                copyFile(from.resolve("pom.xml"), out.resolve(lib).resolve("pom.xml"));
                copyTree(from.resolve("src/main"), out.resolve(lib).resolve("src/main"), List.of());
            }
            for (LabSpec lab : labs) {
                Path to = out.resolve("labs").resolve(lab.name());
                copyTree(lab.dir(), to, List.of("target", "src/hidden"));
            }
            commit(out);
            return labs.stream().map(LabSpec::name).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kit's root pom for the handout: its modules, the library's own tests off, no surefire summary, no format check. */
    static String rootPom(String pom) {
        return Pom.parse(pom)
                .modules(List.of("kit/ipc", "kit/testkit", "labs", "bench"))
                .property("kit.tests.skip", "true", "The support library's and the testkit's own tests are not part of the handout.")
                .property("surefire.printSummary", "false",
                        "After ./mvnw test each lab's self-check table says which tests failed and why.")
                .property("spotless.check.skip", "true",
                        "The layout of your code is yours: no build checks it (./mvnw spotless:apply formats it as the kit's code is).")
                .toString();
    }

    /** The labs' parent pom for the handout: these labs, and no word of hidden tests. */
    static String labsPom(String pom, List<LabSpec> labs) {
        return Pom.parse(pom).modules(labs.stream().map(LabSpec::name).toList()).withoutProfile("hidden-tests").toString();
    }

    /** Makes the folder a git repository with one commit of everything in it. */
    private static void commit(Path repo) {
        git(repo, "-c", "init.defaultBranch=main", "init", "-q");
        git(repo, "add", "-A");
        git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "ipc-labs: the labs, their starters and public tests");
    }

    private static void git(Path repo, String... args) {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("GIT_AUTHOR_NAME", "ipc-labs", "GIT_AUTHOR_EMAIL", "ipc-labs@localhost",
                "GIT_COMMITTER_NAME", "ipc-labs", "GIT_COMMITTER_EMAIL", "ipc-labs@localhost"));
        try {
            var process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + repo + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the handout is a git repository, and git cannot be run here: install git (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Handout.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("ipclab/grader/handout/" + name + " is missing from the grader's resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The GitHub Actions workflow: Temurin 25, ~/.m2 cached, one step per lab running its public tests (each runs even when one before failed). */
    static String selfCheckWorkflow(List<LabSpec> labs) throws IOException {
        var steps = new StringBuilder();
        for (var lab : labs) {
            steps.append("      - name: ").append(lab.name()).append(" (public tests)\n")
                    .append("        if: ${{ !cancelled() }}\n")
                    .append("        run: ./mvnw -B test -pl labs/").append(lab.name()).append(" -am\n");
        }
        return resource("self-check.yml").replace("{{steps}}\n", steps.toString());
    }

    private static String readme(List<LabSpec> labs) throws IOException {
        String template = resource("README.md");
        var list = new StringBuilder();
        for (var lab : labs) {
            list.append("- [").append(lab.name()).append("](labs/").append(lab.name()).append("/README.md): `./mvnw test -pl labs/")
                    .append(lab.name()).append(" -am`\n");
        }
        return template.replace("{{labs}}", list.toString().strip()).replace("{{first}}", labs.isEmpty() ? "lab1" : labs.getFirst().name());
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
