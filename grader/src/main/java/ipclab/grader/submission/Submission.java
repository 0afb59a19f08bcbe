package ipclab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One student's work: a clone of the handout (a folder, or a zip already unpacked by
 * {@link Submissions}). The grader reads only {@code labs/<lab>/src/main/java} from it; the
 * student's own copies of the tests, poms and anything else are never used.
 *
 * <p>A clone may sit one folder down (a zip of {@code repo-main/…}), and a lab folder may also
 * sit at the top ({@code <lab>/src/main/java}).
 */
public record Submission(String student, Path root) {

    /** The student's sources of this lab, or empty if the submission has no folder for it. */
    public Optional<SourceSet> sources(LabSpec lab) {
        return labJavaRoot(lab).map(javaRoot -> SourceSet.read(javaRoot, lab.packagePath()));
    }

    private Optional<Path> labJavaRoot(LabSpec lab) {
        for (Path base : candidates()) {
            for (Path javaRoot : List.of(base.resolve("labs").resolve(lab.name()).resolve("src/main/java"),
                    base.resolve(lab.name()).resolve("src/main/java"))) {
                if (Files.isDirectory(javaRoot, LinkOption.NOFOLLOW_LINKS) && !hasLinkBetween(root, javaRoot)) return Optional.of(javaRoot);
            }
        }
        return Optional.empty();
    }

    private List<Path> candidates() {
        try (Stream<Path> children = Files.list(root)) {
            var dirs = children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            return Stream.concat(Stream.of(root), dirs.stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a folder on the way from root to path is a symbolic link (a submission must not point outside itself). */
    private static boolean hasLinkBetween(Path root, Path path) {
        for (Path p = path; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) return true;
        }
        return false;
    }
}
