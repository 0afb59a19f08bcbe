package ipclab.grader.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.Fixtures;
import ipclab.grader.submission.ExampleClass;
import ipclab.grader.submission.LabSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The student repository the kit exports: what is in it and what is not, and that its own build
 * is red on a starter and green once the lab's solution is copied in (run with the handout's
 * Maven Wrapper, offline, for the first lab).
 */
@Timeout(600)
class HandoutTest {
    @TempDir
    static Path out;
    static List<String> labs;

    @BeforeAll
    static void export() {
        labs = Handout.write(Fixtures.realKit(), out.resolve("repo"));
    }

    private static List<String> files() throws IOException {
        Path repo = out.resolve("repo");
        try (Stream<Path> all = Files.walk(repo)) {
            return all.filter(Files::isRegularFile).map(p -> repo.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void theHandoutHasTheLabsTheLibraryTheBenchAndTheWrapperButNoHiddenTestsSolutionsOrGrader() throws IOException {
        var files = files();
        assertThat(labs).isNotEmpty();
        assertThat(files).contains("README.md", "pom.xml", "mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties",
                "labs/pom.xml", "kit/ipc/pom.xml", "kit/testkit/pom.xml", "kit/testkit/src/main/java/ipclab/testkit/Lab.java",
                "run", "submit", ".gitignore", ".github/workflows/self-check.yml", "bench/run", "bench/pom.xml", "bench/README.md");
        for (String lab : labs)
            assertThat(files).contains("labs/" + lab + "/pom.xml").anyMatch(f -> f.startsWith("labs/" + lab + "/src/test/java/"));
        for (String lab : labs) assertThat(files).as("the given files' list ships").contains("labs/" + lab + "/src/main/given.txt");
        assertThat(files).noneMatch(f -> f.contains("/src/hidden/") || f.startsWith("solutions/") || f.startsWith("grader/")
                || f.contains("/target/") || f.contains("HiddenTest") || f.equals("grade"));
        assertThat(Files.isExecutable(out.resolve("repo/mvnw"))).isTrue();
        assertThat(Files.isExecutable(out.resolve("repo/run"))).isTrue();
        assertThat(Files.isExecutable(out.resolve("repo/submit"))).isTrue();
        assertThat(Files.readAllLines(out.resolve("repo/.mvn/maven.config"))).contains("--no-transfer-progress", "--quiet");
    }

    @Test
    void thePomsRunThePublicTestsAndKnowNothingOfTheHiddenOnes() throws IOException {
        String root = Files.readString(out.resolve("repo/pom.xml"));
        assertThat(root)
                .contains("<kit.tests.skip>true</kit.tests.skip>", "<surefire.printSummary>false</surefire.printSummary>",
                        "<spotless.check.skip>true</spotless.check.skip>",
                        "<module>kit/ipc</module>", "<module>labs</module>", "<module>bench</module>")
                .doesNotContain("<module>solutions", "<module>grader");
        String parent = Files.readString(out.resolve("repo/labs/pom.xml"));
        for (String lab : labs) assertThat(parent).contains("<module>" + lab + "</module>");
        assertThat(parent).doesNotContainIgnoringCase("hidden").doesNotContain("starter.tests.skip", "<profile>");
        for (String lab : labs) {
            assertThat(Files.readString(out.resolve("repo/labs/" + lab + "/pom.xml"))).doesNotContainIgnoringCase("hidden");
        }
    }

    @Test
    void theReadmeListsEveryLabShowsHowToSeeTheJdkAndHowToHandIn() throws IOException {
        String readme = Files.readString(out.resolve("repo/README.md"));
        for (String lab : labs) assertThat(readme).contains("labs/" + lab + "/README.md");
        assertThat(readme).contains("./run --version", "./submit", "submission.zip", "git push").doesNotContain("java -version");
        for (String lab : labs)
            assertThat(Files.readString(out.resolve("repo/labs/" + lab + "/README.md"))).doesNotContain("java -version");
    }

    @Test
    void theHandoutIsAGitRepositoryWithOneCleanCommit() throws Exception {
        Path repo = out.resolve("repo");
        assertThat(run(repo, "git", "rev-list", "--count", "HEAD")).isEqualTo("1");
        assertThat(run(repo, "git", "status", "--porcelain")).isEmpty();
        assertThat(run(repo, "git", "ls-files")).contains("pom.xml", "submit", "run").doesNotContain("target/");
        assertThat(Files.readString(repo.resolve(".gitignore"))).contains("target/", ".idea/", "*.iml", "submission.zip");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSelfCheckWorkflowSetsUpTemurin25CachesM2AndRunsEachLabsPublicTestsOnEveryPush() throws IOException {
        String text = Files.readString(out.resolve("repo/.github/workflows/self-check.yml"));
        Map<String, Object> workflow = new org.yaml.snakeyaml.Yaml().load(text);
        // YAML 1.1 reads the key "on" as the boolean true
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(true);
        assertThat((Map<String, Object>) on).containsKey("push");
        var jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
        assertThat(jobs).hasSize(1);
        var job = jobs.values().iterator().next();
        var steps = (List<Map<String, Object>>) job.get("steps");
        var setupJava = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")).findFirst()
                .orElseThrow();
        assertThat((Map<String, Object>) setupJava.get("with")).containsEntry("distribution", "temurin").containsEntry("java-version",
                "25");
        var cache = steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/cache@")).findFirst().orElseThrow();
        assertThat(String.valueOf(((Map<String, Object>) cache.get("with")).get("path"))).contains("~/.m2/repository");
        var runs = steps.stream().map(s -> s.get("run")).filter(Objects::nonNull).map(String::valueOf).toList();
        assertThat(runs).containsExactlyElementsOf(labs.stream().map(l -> "./mvnw -B test -pl labs/" + l + " -am").toList());
        assertThat(steps.indexOf(setupJava)).isLessThan(steps.indexOf(cache));
        assertThat(text).doesNotContainIgnoringCase("hidden/").doesNotContain("solutions", "./grade");
    }

    @Test
    void theHandoutsRunKnowsNoSolutionAndSaysWhichJdkItUses() throws Exception {
        Path repo = out.resolve("repo");
        var usage = new ProcessBuilder(repo.resolve("run").toString(), "--solution", "FibonacciParent", "10")
                .redirectErrorStream(true).start();
        String said = new String(usage.getInputStream().readAllBytes());
        assertThat(usage.waitFor()).isEqualTo(2);
        assertThat(said).contains("unknown option --solution").doesNotContain("[--solution]");
        String version = run(repo, repo.resolve("run").toString(), "--version");
        assertThat(version).contains("JDK 25").contains("found through");
    }

    @Test
    void submitWritesAZipOfTheLabsSourcesThatTheGraderReadsAsItIs() throws Exception {
        Path repo = out.resolve("submit-repo");
        Handout.write(Fixtures.realKit(), repo);
        var builder = new ProcessBuilder(repo.resolve("submit").toString()).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_ARGS", "-o");
        var submit = builder.start();
        String said = new String(submit.getInputStream().readAllBytes());
        assertThat(submit.waitFor()).as(said).isZero();
        Path zip = repo.resolve("submission.zip");
        assertThat(said).contains("wrote submission.zip");
        try (var entries = new java.util.zip.ZipFile(zip.toFile())) {
            var names = entries.stream().filter(e -> !e.isDirectory()).map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("labs/[^/]+/src/main/.+"), "only the labs' src/main");
        }
        Path handIn = Files.createDirectories(out.resolve("hand-in"));
        Path named = Files.copy(zip, handIn.resolve("ada.zip"));
        var submissions = ipclab.grader.submission.Submissions.read(named, out.resolve("scratch"));
        assertThat(submissions).singleElement().satisfies(s -> {
            assertThat(s.student()).isEqualTo("ada");
            for (var lab : Fixtures.realKit().labs()) {
                assertThat(s.sources(lab)).as(lab.name()).isPresent();
                var starter = ipclab.grader.submission.SourceSet.read(lab.starter(), lab.packagePath());
                assertThat(s.sources(lab).orElseThrow().sameCode(starter)).as(lab.name() + ": the starter, as handed out").isTrue();
            }
        });
        assertThat(run(repo, "git", "status", "--porcelain")).as("submission.zip is ignored by git").isEmpty();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    @Test
    void mvnwTestIsRedOnTheStarterAndGreenWithTheSolution() throws Exception {
        var lab = Fixtures.realKit().labs().getFirst();
        assumeTrue(lab.hasSolution(), "the first lab has no solution yet");
        Path repo = out.resolve("solved-repo");
        Handout.write(Fixtures.realKit(), repo);
        assertThat(mvnwTest(repo, lab)).as("./mvnw test on the starter").isNotZero();
        ExampleClass.copyTree(lab.solution(), repo.resolve("labs").resolve(lab.name()).resolve("src/main/java"));
        assertThat(mvnwTest(repo, lab)).as("./mvnw test with the solution copied in").isZero();
    }

    private static int mvnwTest(Path repo, LabSpec lab) throws IOException, InterruptedException {
        var command = List.of(repo.resolve("mvnw").toString(), "-o", "-B", "-q", "test", "-pl", "labs/" + lab.name(), "-am");
        var builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("mvnw-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        var process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./mvnw test did not finish in 5 minutes");
        }
        return process.exitValue();
    }
}
