package ipclab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A deliberately broken solution bundled with the kit: the classes that differ from the
 * reference solution ({@code java/}), and the tests that must fail on it
 * ({@code expected-failures.txt}, one {@code SimpleClassName#methodName} a line; blank lines and
 * {@code #} comments are ignored).
 */
public record WrongSolution(String name, Path dir, List<String> expectedFailures) {

    static WrongSolution read(Path dir) {
        Path list = dir.resolve("expected-failures.txt");
        try {
            var expected = Files.isRegularFile(list)
                    ? Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()
                    : List.<String>of();
            return new WrongSolution(dir.getFileName().toString(), dir, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlay's sources (laid over the reference solution). */
    public Path sources() {
        return dir.resolve("java");
    }
}
