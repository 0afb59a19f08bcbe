package ipclab.grader.build;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.Fixtures;
import ipclab.grader.submission.SourceSet;
import ipclab.ipc.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(300)
class AotCacheTest {
    private static final Libraries KIT = Libraries.in(Path.of(System.getProperty("ipclab.grader.lib")));

    @Test
    void theLabProgramsJvmsLoadTheKitsClassesFromTheCache() throws Exception {
        var cache = new AotCache(KIT).get();
        assertThat(cache).isPresent();
        assertThat(cache.get().getFileName().toString()).matches("kit-[0-9a-f]{16}\\.aot");
        assertThat(cache.get().getParent()).isEqualTo(KIT.dir().toAbsolutePath().resolveSibling("aot"));
        assertThat(new AotCache(KIT).get()).as("a second grader finds the same cache").isEqualTo(cache);

        // as in a test run: the tests' and the student's folders around the jars
        var classLoads = run(cache.get(), "-Xlog:class+load");
        assertThat(classLoads).anyMatch(line -> line.contains("ipclab.ipc.MessageQueue source: shared objects file"));
        assertThat(run(cache.get())).as("output of a program started with the cache").isEmpty();
    }

    @Test
    void inATestRunTheLabProgramsStartWithTheCache(@TempDir Path dir) {
        var kit = Fixtures.fixtureKit();
        var grader = Fixtures.grader(kit, Fixtures.fixtureLimits(), dir.resolve("work"), dir.resolve("cache"));
        var lab = grader.prepare(kit.labs().getFirst());
        var solution = SourceSet.read(lab.spec().solution(), lab.spec().packagePath());
        // greets only if its JVM has an AOT cache mapped: the Greeter tests pass only then
        var mapsTheCache = solution.overlay(new SourceSet(Map.of("ipclab/echo/Greeter.java", """
                package ipclab.echo;
                public final class Greeter {
                    public static void main(String[] args) throws Exception {
                        boolean cached = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps")).stream()
                                .anyMatch(line -> line.endsWith(".aot"));
                        for (String name : args) System.out.println(cached ? Greeting.of(name) : "no AOT cache mapped");
                    }
                }""".getBytes(StandardCharsets.UTF_8)), List.of()));
        var grade = grader.grade(lab, "aot", Optional.of(mapsTheCache), true);
        assertThat(grade.points()).as(grade.toString()).isEqualTo(grader.grade(lab, "ref", Optional.of(solution), true).points());
    }

    @Test
    void aChangedJarGetsACacheOfItsOwn(@TempDir Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        for (Path jar : KIT.jars()) Files.copy(jar, lib.resolve(jar.getFileName()));
        var copy = new AotCache(Libraries.in(lib));
        Path first = copy.get().orElseThrow();
        assertThat(first.getFileName()).isEqualTo(new AotCache(KIT).get().orElseThrow().getFileName());

        Path testkit = KIT.classPath().stream().filter(j -> j.getFileName().toString().startsWith("testkit-")).findFirst().orElseThrow();
        rewriteWithOneMoreEntry(testkit, lib.resolve(testkit.getFileName()));
        Path second = new AotCache(Libraries.in(lib)).get().orElseThrow();
        assertThat(second.getFileName()).isNotEqualTo(first.getFileName());
        assertThat(first).as("the stale cache is removed").doesNotExist();
        assertThat(Files.list(dir.resolve("aot")).toList()).containsExactly(second);
    }

    /** AotTraining's output lines (it prints nothing itself) with {@code options}, the kit's jars between two folders. */
    private static List<String> run(Path cache, String... options) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ChildJvm.JVM_OPTIONS);
        command.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off"));
        command.addAll(List.of(options));
        var classPath = new ArrayList<String>();
        classPath.add(Files.createTempDirectory("aot-test").toString());
        KIT.classPath().forEach(j -> classPath.add(j.toString()));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), "ipclab.ipc.AotTraining"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static void rewriteWithOneMoreEntry(Path from, Path to) throws IOException {
        try (var in = new java.util.jar.JarFile(from.toFile()); var out = new JarOutputStream(Files.newOutputStream(to))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new JarEntry(entry.getName()));
                try (var bytes = in.getInputStream(entry)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("changed.txt"));
            out.write("a rebuilt jar".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
