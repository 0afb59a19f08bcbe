package ipclab.grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffReader;

/**
 * A deliberate mistake bundled with the kit: one unified diff against the lab's reference
 * solution ({@code solutions/<lab>/wrong/<name>.patch}, paths relative to its
 * {@code src/main/java}), so the mistake is the whole file and cannot drift from the solution
 * unnoticed. The text before the first {@code --- } line explains the mistake and lists the
 * tests that must fail on it:
 *
 * <pre>
 *   The server reads the clock in UTC instead of the local time zone, so ...   (the explanation)
 *
 *   Expected failures:
 *     TimeServerHiddenTest#honoursTheTimeZone                                  (SimpleClassName#method)
 *
 *   --- a/ipclab/timeserver/TimeServer.java
 *   +++ b/ipclab/timeserver/TimeServer.java
 *   &#64;&#64; -71,7 +72,7 &#64;&#64;
 *   ...
 * </pre>
 *
 * A new mistake is added by writing a diff: {@code diff -u --label a/ipclab/x/X.java --label
 * b/ipclab/x/X.java solution/X.java wrong/X.java}, then the header. {@link #applyTo} fails,
 * naming the patch, when the solution has changed so that the patch no longer applies.
 */
public record WrongSolution(String name, Path patch, String explanation, List<String> expectedFailures) {
    private static final String EXPECTED = "Expected failures:";

    static WrongSolution read(Path patch) {
        String name = patch.getFileName().toString().replaceFirst("\\.patch$", "");
        String header = parse(patch).getHeader();
        header = header == null ? "" : header;
        int at = header.indexOf(EXPECTED);
        String explanation = (at < 0 ? header : header.substring(0, at)).strip();
        var expected = at < 0 ? List.<String>of()
                : header.substring(at + EXPECTED.length()).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return new WrongSolution(name, patch, explanation, expected);
    }

    /** The reference solution with this mistake in it. */
    public SourceSet applyTo(SourceSet solution) {
        var files = new TreeMap<>(solution.files());
        for (var file : parse(patch).getFiles()) {
            String from = file.getFromFile(), to = file.getToFile();
            String target = "/dev/null".equals(to) ? from : to;
            byte[] original = "/dev/null".equals(from) ? new byte[0] : files.get(from);
            if (original == null) {
                throw new IllegalStateException(patch.getFileName() + " changes " + from + ", which the solution does not have");
            }
            try {
                var lines = DiffUtils.patch(lines(original), file.getPatch());
                if ("/dev/null".equals(to)) files.remove(from);
                else files.put(target, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (PatchFailedException e) {
                throw new IllegalStateException(patch.getFileName() + " no longer applies to the solution's " + target
                        + " (" + e.getMessage() + "): remake it against the current solution", e);
            }
        }
        return new SourceSet(files, solution.ignored());
    }

    /** The files the patch changes, adds or deletes (paths under {@code src/main/java}). */
    public List<String> changedFiles() {
        return parse(patch).getFiles().stream().map(f -> "/dev/null".equals(f.getToFile()) ? f.getFromFile() : f.getToFile())
                .distinct().toList();
    }

    private static List<String> lines(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).lines().collect(Collectors.toCollection(ArrayList::new));
    }

    private static UnifiedDiff parse(Path patch) {
        try (InputStream in = Files.newInputStream(patch)) {
            return UnifiedDiffReader.parseUnifiedDiff(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(patch.getFileName() + " is not a unified diff: " + e.getMessage(), e);
        }
    }
}
