package ipclab.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;

/**
 * Builds one student x lab in its workspace: the student's sources into {@code box/main}, then the
 * kit's pristine public and hidden tests, compiled against them, into {@code box/test}.
 *
 * <p>The student's classes must all be in the lab's package: a class elsewhere (one that would
 * shadow {@code org.assertj...} or a kit class) fails the build. If the tests do not compile
 * against the student's classes as a whole (a changed signature), each test file is compiled on
 * its own, so that only the tests that need what is missing are lost.
 */
public final class LabBuild {
    private LabBuild() {
    }

    /** The build's outcome: the student's code compiled or not, and which test classes could not be compiled. */
    public record Result(boolean compiled, String errors, Map<String, String> brokenTestClasses, long millis) {
        /** The compiler's message for a test class (by its top-level class's name), if it did not compile. */
        public String brokenTestMessage(String className) {
            String top = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
            return brokenTestClasses.get(top);
        }
    }

    public static Result build(LabSpec lab, SourceSet sources, Workspace ws, Libraries libs, Duration compileLimit) {
        long start = System.nanoTime();
        var written = sources.writeTo(ws.sources());
        var main = Compiler.compile(written, ws.sources(), libs.forMainCode(), ws.mainClasses(), compileLimit);
        if (!main.ok()) return new Result(false, main.errors(), Map.of(), millis(start));
        var strays = classesOutside(ws.mainClasses(), lab.packagePath());
        if (!strays.isEmpty()) {
            return new Result(false, "every class must be in package " + lab.packageName() + "; these are not: "
                    + String.join(", ", strays) + "\n", Map.of(), millis(start));
        }

        var testRoots = testRoots(lab);
        var testSources = javaFiles(testRoots);
        var classpath = new ArrayList<Path>();
        classpath.add(ws.mainClasses());
        classpath.addAll(libs.forTests());
        var all = Compiler.compile(testSources, lab.dir(), classpath, ws.testClasses(), compileLimit);
        if (all.ok()) return new Result(true, "", Map.of(), millis(start));

        var broken = new LinkedHashMap<String, String>();
        Workspace.deleteTree(ws.testClasses());
        for (Path file : testSources) {
            var one = Compiler.compile(List.of(file), lab.dir(), classpath, testRoots, ws.testClasses(), compileLimit);
            if (!one.ok()) broken.put(className(testRoots, file), one.errors());
        }
        return new Result(true, "", broken, millis(start));
    }

    /** The lab's test source roots that exist: public, then hidden. */
    public static List<Path> testRoots(LabSpec lab) {
        return Stream.of(lab.publicTests(), lab.hiddenTests()).filter(Files::isDirectory).toList();
    }

    /** Every .java file under the roots, in path order. */
    public static List<Path> javaFiles(List<Path> roots) {
        var files = new ArrayList<Path>();
        for (Path root : roots) {
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The class a source file declares, by its path under one of the roots. */
    public static String className(List<Path> roots, Path file) {
        for (Path root : roots) {
            if (file.startsWith(root)) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                return rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
            }
        }
        throw new IllegalArgumentException(file + " is under none of " + roots);
    }

    private static List<String> classesOutside(Path classes, String packagePath) {
        try (Stream<Path> all = Files.walk(classes)) {
            return all.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.startsWith(packagePath + "/"))
                    .map(rel -> rel.substring(0, rel.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
