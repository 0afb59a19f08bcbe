package ipclab.grader.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import ipclab.grader.run.Reference;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.sandbox.Sandbox;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;
import ipclab.testkit.Visibility;

/**
 * What each {@link ResultCache} entry is keyed by: a digest of everything its content depends on,
 * so that an entry is reused exactly when computing it again would compute the same thing. Three
 * kinds of entries, three keys:
 *
 * <ul>
 *   <li>{@link #grade}: a student x lab's grade, by the grader, the kit's side of the lab, the
 *       student's sources as graded, the limits (and the reference times that size them), the
 *       deadline stretch, the sandbox and the number of runs;</li>
 *   <li>{@link #tests}: a lab's expected tests, by the grader and the kit's side of the lab;</li>
 *   <li>{@link #reference}: a lab's reference times, by the kit's side, the solution and how it ran.</li>
 * </ul>
 *
 * One instance per grader: it holds the grader's version and settings, the parts every key shares.
 */
public final class CacheKeys {
    private final String version;
    private final Limits limits;
    private final double timeFactor;
    private final int testThreads;
    private final int repeat;
    private final String sandbox;

    public CacheKeys(String graderVersion, Limits limits, double timeFactor, int testThreads, int repeat, Sandbox sandbox) {
        this.version = graderVersion;
        this.limits = limits;
        this.timeFactor = timeFactor;
        this.testThreads = testThreads;
        this.repeat = repeat;
        this.sandbox = sandbox.getClass().getSimpleName();
    }

    /** The kit's side of a lab: its starter and the sources of its public and hidden tests ({@code testRoots}). */
    public static String kitDigest(LabSpec lab, SourceSet starter, List<Path> testRoots) {
        var sha = sha();
        sha.update(starter.digest().getBytes(StandardCharsets.UTF_8));
        for (Path root : testRoots) {
            var tests = SourceSet.read(root, lab.packagePath());
            sha.update(root.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(tests.digest().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A lab's expected tests, found by building {@code builtWith} (the solution, else the starter) with the tests. */
    public String tests(String kitDigest, SourceSet builtWith, Map<String, Visibility.Level> defaultVisibility) {
        return digest(version, kitDigest, builtWith.digest(), defaultVisibility.toString());
    }

    /** A lab's reference times, from a run of its {@code solution} (as graded). */
    public String reference(String kitDigest, SourceSet solution) {
        return digest(kitDigest, solution.digest(), Integer.toString(testThreads), Double.toString(timeFactor), sandbox);
    }

    /** A student x lab's grade; {@code graded}: the sources as graded (given files the starter's). */
    public String grade(String lab, String kitDigest, SourceSet graded, Reference reference) {
        return digest(version, lab, kitDigest, graded.digest(), limits.fingerprint(), reference.fingerprint(), Double.toString(timeFactor),
                sandbox, "repeat " + repeat);
    }

    private static String digest(String... parts) {
        var sha = sha();
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
