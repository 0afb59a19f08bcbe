package ipclab.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grader's version for the cache: a digest of its own classes and resources (the same whether
 * they run from target/classes or the jar), the harness module and the jars the tests run with.
 * Any change to the grader's code or the libraries makes every cached result stale.
 */
public final class GraderVersion {
    private GraderVersion() {
    }

    public static String of(Path harnessModule, Path libDir) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            Path code = Path.of(GraderVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) addJar(sha, code);
            else add(sha, code.resolve("ipclab"));
            for (Path root : List.of(harnessModule, libDir)) add(sha, root);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(MessageDigest sha, Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(root.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar's ipclab/ entries, as {@link #add} sees the same files in a folder. */
    private static void addJar(MessageDigest sha, Path jar) {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            var entries = zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith("ipclab/"))
                    .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList();
            for (var e : entries) {
                sha.update(e.getName().substring("ipclab/".length()).getBytes(StandardCharsets.UTF_8));
                try (var in = zip.getInputStream(e)) {
                    sha.update(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
