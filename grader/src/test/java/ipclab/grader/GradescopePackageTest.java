package ipclab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.build.Workspace;
import ipclab.grader.submission.ExampleClass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Gradescope autograder: what autograder.zip holds, and (with {@code -Dipclab.gradescope.e2e=true},
 * a few minutes) the whole thing under a fake {@code /autograder} root, away from the kit's
 * checkout: setup.sh, then run_autograder pinned to one core that another process keeps busy,
 * on a submission of every lab's reference solution, inside Gradescope's 10 minutes.
 */
@Timeout(900)
class GradescopePackageTest {
    @TempDir
    Path dir;

    @Test
    void theZipHoldsTheScriptsAtItsRootAndTheKitWithoutSolutionsStudentsOrBuildOutput() throws IOException {
        Path zip = GradescopePackage.write(Fixtures.realKit(), dir.resolve("out"));
        List<String> names;
        try (var file = new ZipFile(zip.toFile())) {
            names = file.stream().map(ZipEntry::getName).toList();
        }
        assertThat(names).contains("setup.sh", "run_autograder", "ipc-labs/pom.xml", "ipc-labs/grade", "ipc-labs/mvnw",
                "ipc-labs/.mvn/jdk25.sh", "ipc-labs/grader/pom.xml", "ipc-labs/kit/testkit/pom.xml", "ipc-labs/labs/pom.xml");
        for (var lab : Fixtures.realKit().labs()) {
            assertThat(names).anyMatch(n -> n.startsWith("ipc-labs/labs/" + lab.name() + "/src/hidden/java/"));
        }
        assertThat(names).noneMatch(n -> n.contains("/target/") || n.contains("solutions/") || n.contains("example-class")
                || n.contains("grader/src/test/") || n.contains(".grader/") || n.startsWith("ipc-labs/bench/"));
    }

    @Test
    @EnabledIfSystemProperty(named = "ipclab.gradescope.e2e", matches = "true")
    @SuppressWarnings("unchecked")
    void onOneBusyCoreTheReferenceSolutionsGetFullMarksInEveryLabAwayFromTheKit() throws Exception {
        Path zip = GradescopePackage.write(Fixtures.realKit(), dir.resolve("out"));
        Path root = dir.resolve("autograder");
        Path source = Files.createDirectories(root.resolve("source"));
        run(List.of("unzip", "-q", zip.toString(), "-d", source.toString()), root, Map.of(), 60);
        var labs = Fixtures.realKit().labs();
        for (var lab : labs) {
            ExampleClass.copyTree(lab.solution(),
                    Files.createDirectories(root.resolve("submission/labs").resolve(lab.name()).resolve("src/main/java")));
        }
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"));

        long setupStart = System.nanoTime();
        run(List.of("bash", source.resolve("setup.sh").toString()), root, Map.of("MAVEN_ARGS", "-o"), 600);
        long setupSeconds = (System.nanoTime() - setupStart) / 1_000_000_000;
        Path kit = source.resolve("ipc-labs");
        try (var made = Files.list(kit.resolve("grader/target/aot"))) {
            assertThat(made.map(p -> p.getFileName().toString())).as("setup.sh made the AOT cache")
                    .anyMatch(n -> n.matches("kit-[0-9a-f]+\\.aot"));
        }
        assertThat(kit.resolve(".grader/cache")).as("setup.sh prepared the labs").isDirectory();

        var busy = new ProcessBuilder("taskset", "-c", "0", "sh", "-c", "while :; do :; done").start();
        try {
            long start = System.nanoTime();
            run(List.of("taskset", "-c", "0", root.resolve("run_autograder").toString()), root, Map.of(), 660);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            System.err.printf("gradescope e2e: setup.sh %d s, run_autograder %d s on one busy core%n", setupSeconds, seconds);
            assertThat(seconds).as("run_autograder's time").isLessThan(600);
        } finally {
            busy.destroyForcibly();
        }
        // JSON is YAML: snakeyaml reads it
        Map<String, Object> results = new org.yaml.snakeyaml.Yaml().load(Files.readString(root.resolve("results/results.json")));
        assertThat(results).containsEntry("output_format", "md");
        for (var lab : labs) {
            int max = 0, score = 0;
            for (var test : (List<Map<String, Object>>) results.get("tests")) {
                var tags = (List<String>) test.get("tags");
                if (tags.getFirst().equals(lab.name())) {
                    max += ((Number) test.get("max_score")).intValue();
                    score += ((Number) test.get("score")).intValue();
                    assertThat(test.get("status")).as(String.valueOf(test.get("name"))).isEqualTo("passed");
                    assertThat(tags).hasSize(2);
                }
            }
            assertThat(score).as(lab.name()).isEqualTo(max).isPositive();
            var extra = (Map<String, Map<String, Object>>) results.get("extra_data");
            assertThat(extra).containsKey(lab.name());
            System.err.println("gradescope e2e: " + lab.name() + " " + extra.get(lab.name()));
        }
        assertThat(root.resolve("results/stdout")).content().contains("ended with status 0");

        // A submission that hangs everywhere, with the grading's limit cut from 540 s to 40 s:
        // run_autograder still writes a results.json that says why, in time, and leaves nothing running.
        var submission = root.resolve("submission");
        Workspace.deleteTree(submission);
        Path hanging = Files.createDirectories(submission.resolve("labs").resolve(labs.getFirst().name()).resolve("src/main/java"));
        ExampleClass.copyTree(labs.getFirst().solution(), hanging);
        try (var sources = Files.walk(hanging)) {
            for (Path java : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.writeString(java, Files.readString(java).replaceFirst("public static void main\\(String\\[\\] (\\w+)\\) \\{",
                        "public static void main(String[] $1) { if ($1 != null) while (true) Thread.onSpinWait();"));
            }
        }
        long hangStart = System.nanoTime();
        run(List.of(root.resolve("run_autograder").toString()), root, Map.of("IPCLAB_GRADING_SECONDS", "40"), 120);
        long hangSeconds = (System.nanoTime() - hangStart) / 1_000_000_000;
        System.err.printf("gradescope e2e: a hanging submission got its results.json after %d s%n", hangSeconds);
        assertThat(hangSeconds).as("run_autograder's time with a 40 s limit").isLessThan(40 + 10 + 20);
        assertThat(root.resolve("results/results.json")).content().contains("ran out of time (40 s)", "\"score\": 0");
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .noneMatch(command -> command.contains(root.toString()) || command.contains("ipclab.grader.harness/")));
    }

    private static void run(List<String> command, Path root, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolveSibling(command.getLast().replaceAll(".*/", "") + ".log").toFile());
        builder.environment().put("AUTOGRADER_ROOT", root.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        var process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        assertThat(process.exitValue()).as(
                String.join(" ", command) + ": " + Files.readString(root.resolveSibling(command.getLast().replaceAll(".*/", "") + ".log")))
                .isZero();
    }
}
