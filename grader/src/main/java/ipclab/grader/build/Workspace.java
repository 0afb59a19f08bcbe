package ipclab.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder where one student x lab is built and run, removed when the grading is done.
 *
 * <pre>
 *   &lt;dir&gt;/src/        the student's sources, as graded
 *   &lt;dir&gt;/box/main/   their classes          } read-only inside the sandbox
 *   &lt;dir&gt;/box/test/   the kit's test classes }
 *   &lt;dir&gt;/root/       an empty folder: the sandbox's root file system is mounted here, in its own namespace
 *   &lt;dir&gt;/scratch/    the working and temp folder when there is no namespace sandbox
 * </pre>
 */
public record Workspace(Path dir) implements AutoCloseable {

    public static Workspace create(Path workRoot, String name) {
        try {
            Files.createDirectories(workRoot);
            Path dir = Files.createTempDirectory(workRoot, name + "-");
            for (String sub : new String[] {"src", "box/main", "box/test", "root", "scratch"}) Files.createDirectories(dir.resolve(sub));
            return new Workspace(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path sources() {
        return dir.resolve("src");
    }

    public Path box() {
        return dir.resolve("box");
    }

    public Path mainClasses() {
        return dir.resolve("box/main");
    }

    public Path testClasses() {
        return dir.resolve("box/test");
    }

    public Path mountPoint() {
        return dir.resolve("root");
    }

    public Path scratch() {
        return dir.resolve("scratch");
    }

    @Override
    public void close() {
        deleteTree(dir);
    }

    /** Deletes a folder and everything in it, without following symbolic links. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }
}
