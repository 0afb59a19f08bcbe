package ipclab.grader.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * javac, in the grader's own JVM (no JVM start per compile): compiles a list of sources against
 * a classpath into a folder and returns the errors as a student should read them. Annotation
 * processing is off (a submission cannot run code at compile time), errors are capped, and a
 * compile that takes longer than the limit is abandoned and reported as a failure.
 *
 * <pre>{@code
 * var result = Compiler.compile(sources, sourceRoot, List.of(ipcJar), out, Duration.ofSeconds(60));
 * if (!result.ok()) System.out.println(result.errors());
 * }</pre>
 */
public final class Compiler {
    static final int MAX_ERRORS = 30;
    static final int MAX_ERROR_CHARS = 20_000;
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    private static final ThreadFactory DAEMONS = Thread.ofPlatform().daemon().name("javac-", 0).factory();

    private Compiler() {
    }

    /** What javac said: ok, and the error lines (file paths relative to the source root). */
    public record Result(boolean ok, String errors) {
    }

    public static Result compile(List<Path> sources, Path sourceRoot, List<Path> classpath, Path out, Duration limit) {
        return compile(sources, sourceRoot, classpath, List.of(), out, limit);
    }

    /**
     * Compiles the sources; {@code sourcePath} (may be empty) lets javac find other sources the
     * given ones need, without compiling them into out unless needed.
     */
    public static Result compile(List<Path> sources, Path sourceRoot, List<Path> classpath, List<Path> sourcePath, Path out,
                                 Duration limit) {
        if (JAVAC == null) throw new IllegalStateException("the grader must run on a JDK (javax.tools has no compiler)");
        if (sources.isEmpty()) return new Result(true, "");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var executor = Executors.newSingleThreadExecutor(DAEMONS);
        try {
            var future = executor.submit(() -> run(sources, sourceRoot, classpath, sourcePath, out));
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Result(false, "the compiler gave up: compiling took longer than " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Result(false, "the compiler failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted while compiling");
        } finally {
            executor.shutdownNow();
        }
    }

    private static Result run(List<Path> sources, Path sourceRoot, List<Path> classpath, List<Path> sourcePath, Path out)
            throws IOException {
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = JAVAC.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            var options = new ArrayList<>(List.of("--release", "25", "-proc:none", "-encoding", "UTF-8", "-nowarn",
                    "-Xmaxerrs", Integer.toString(MAX_ERRORS), "-d", out.toString(),
                    "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
            if (!sourcePath.isEmpty()) {
                options.addAll(List.of("-implicit:class", "-sourcepath",
                        String.join(File.pathSeparator, sourcePath.stream().map(Path::toString).toList())));
            }
            var task = JAVAC.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
            boolean ok = task.call();
            return new Result(ok, format(diagnostics.getDiagnostics(), sourceRoot));
        }
    }

    private static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sourceRoot) {
        var text = new StringBuilder();
        for (var d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            String where = "";
            if (d.getSource() != null) {
                Path file = Path.of(d.getSource().toUri());
                where = (file.startsWith(sourceRoot) ? sourceRoot.relativize(file) : file.getFileName()) + ":" + d.getLineNumber() + ": ";
            }
            text.append(where).append("error: ").append(d.getMessage(Locale.ENGLISH)).append('\n');
            if (text.length() > MAX_ERROR_CHARS) {
                text.setLength(MAX_ERROR_CHARS);
                text.append("\n… (more errors not shown)\n");
                break;
            }
        }
        return text.toString();
    }
}
