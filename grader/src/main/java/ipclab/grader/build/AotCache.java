package ipclab.grader.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.ChildJvm;

/**
 * The JDK AOT cache (JEP 483/514) that the lab programs' JVMs start with in a test run: made
 * once from the support library's training workload ({@code ipclab.ipc.AotTraining}) on the
 * libraries' jars, kept beside them ({@code grader/target/aot}), and named by a digest of this
 * JDK, the child JVM options and every jar's bytes. The name matters: a JDK 25 cache does not
 * notice that a jar changed under it (measured: it ran a class's old code from the cache), so a
 * rebuilt jar must get a new cache, never reuse the old one.
 *
 * <p>Made on first use, not when the grader starts, so that a run answered from the result cache
 * costs nothing. If it cannot be made, the run goes on without it (children start as before)
 * and says so once.
 *
 * <pre>{@code
 * Optional<Path> aot = new AotCache(libraries).get();   // ~5 s the first time, then a lookup
 * }</pre>
 */
public final class AotCache {
    private static final long TRAINING_LIMIT_SECONDS = 120;

    private final Libraries libraries;
    private final Path dir;
    private Optional<Path> made;

    public AotCache(Libraries libraries) {
        this.libraries = libraries;
        this.dir = libraries.dir().toAbsolutePath().resolveSibling("aot");
    }

    /** The folder the caches are kept in (a sandbox must see it). */
    public Path dir() {
        return dir;
    }

    /** The cache for these libraries and this JDK, made now if there is none; empty if it cannot be made. */
    public synchronized Optional<Path> get() {
        if (made == null) made = find();
        return made;
    }

    private Optional<Path> find() {
        List<Path> jars = libraries.classPath();
        try {
            Path cache = dir.resolve("kit-" + digest(jars) + ".aot");
            if (Files.isRegularFile(cache)) return Optional.of(cache);
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, "making-", ".aot");
            Path log = dir.resolve(partial.getFileName() + ".log");
            try {
                Files.delete(partial);  // the JVM writes it; it must not exist before
                var command = new ArrayList<String>();
                command.add(java());
                command.addAll(ChildJvm.JVM_OPTIONS);
                command.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-cp",
                        String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList()), "ipclab.ipc.AotTraining"));
                var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return none("its training run took more than " + TRAINING_LIMIT_SECONDS + " s");
                }
                if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
                    return none("its training run failed (exit status " + process.exitValue() + "): "
                            + lastLine(log));
                }
                Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOthers(cache);
                return Optional.of(cache);
            } finally {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(log);
                Files.deleteIfExists(dir.resolve(partial.getFileName() + ".config"));
            }
        } catch (IOException e) {
            return none(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Caches of earlier builds (a JVM that has one open keeps its mapping). */
    private void removeOthers(Path cache) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path old : files.filter(f -> f.getFileName().toString().matches("kit-[0-9a-f]+\\.aot") && !f.equals(cache)).toList()) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static Optional<Path> none(String why) {
        System.err.println("warning: no AOT cache for the lab programs' JVMs (" + why + "): they start without one, a little slower");
        return Optional.empty();
    }

    private static String lastLine(Path log) throws IOException {
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "no output" : lines.getLast().strip();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JDK, the child options and the jars' names and bytes. */
    private static String digest(List<Path> jars) throws IOException {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(Path.of(System.getProperty("java.home")).toRealPath().toString(),
                    System.getProperty("java.vm.version"), String.join(" ", ChildJvm.JVM_OPTIONS))) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Path jar : jars) {
                sha.update(jar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(jar)) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
