package ipclab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.HdrHistogram.Histogram;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.ChildJvm;
import ipclab.ipc.SharedSegment;

/**
 * What a child JVM costs, start to exit, as {@link ChildJvm} starts it (same JDK, the kit's
 * options), and whether class-data sharing helps: the JDK's own archive switched off, an AppCDS
 * archive of the application's classes ({@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}), and a JDK 25 AOT cache ({@code -XX:AOTMode=record}, then
 * {@code create}, then {@code -XX:AOTCache}). Archives need a class path of jars only, so the
 * children run from jars (the module's own, or jars made in the temp folder).
 */
final class Startup {
    private Startup() {
    }

    static List<Result> run(Settings s, Resources resources, Progress progress) throws IOException, InterruptedException {
        Path dir = resources.tempDir();
        String classPath = jarOf(KitChild.class, dir, "bench") + java.io.File.pathSeparator + jarOf(SharedSegment.class, dir, "ipc");
        Path segment = resources.freshSegment("startup");
        try (var shm = SharedSegment.create(segment, Long.BYTES)) {
            var results = new ArrayList<Result>();
            Path jsa = dir.resolve("app.jsa");
            Path aotConf = dir.resolve("app.aotconf");
            Path aot = dir.resolve("app.aot");
            var kit = List.of(segment.toString());

            long appCds = time(command(KitChild.class, classPath, kit, "-XX:ArchiveClassesAtExit=" + jsa), dir);
            long aotMade = time(command(KitChild.class, classPath, kit, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + aotConf), dir)
                    + time(command(KitChild.class, classPath, kit, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + aotConf,
                            "-XX:AOTCache=" + aot), dir);

            var variants = new LinkedHashMap<String, List<String>>();
            variants.put("empty main", command(EmptyChild.class, classPath, List.of()));
            variants.put("kit child (maps a segment)", command(KitChild.class, classPath, kit));
            variants.put("kit child, -Xshare:off (no CDS)", command(KitChild.class, classPath, kit, "-Xshare:off"));
            variants.put("kit child, AppCDS archive", command(KitChild.class, classPath, kit, "-XX:SharedArchiveFile=" + jsa));
            variants.put("kit child, AOT cache (JDK 25)", command(KitChild.class, classPath, kit, "-XX:AOTCache=" + aot));
            var histograms = new LinkedHashMap<String, Histogram>();
            variants.forEach((name, command) -> histograms.put(name, Result.Latency.histogram()));
            for (var command : variants.values()) time(command, dir);  // warm the page cache
            // Round-robin, so that a burst of load elsewhere hits every variant alike.
            for (int run = 0; run < s.startupRuns(); run++) {
                for (var variant : variants.entrySet()) {
                    shm.set(0, 0);
                    histograms.get(variant.getKey()).recordValue(time(variant.getValue(), dir));
                    if (variant.getKey().startsWith("kit") && shm.getAcquire(0) == 0) {
                        throw new IOException("the kit child ran but did not write its pid into the segment");
                    }
                }
            }
            for (var entry : histograms.entrySet()) {
                results.add(progress.done(new Result(Section.STARTUP, "child JVM: " + entry.getKey(), Language.JAVA, "", 0, 1,
                        Result.Latency.of(entry.getValue(), List.of(), Double.NaN))));
            }
            results.add(progress.done(once("make the AppCDS archive (one training run)", appCds)));
            results.add(progress.done(once("make the AOT cache (record + create)", aotMade)));
            return results;
        } finally {
            SharedSegment.remove(segment);
        }
    }

    private static Result once(String what, long nanos) {
        var h = Result.Latency.histogram();
        h.recordValue(nanos);
        return new Result(Section.STARTUP, what, Language.JAVA, "", 0, 1, Result.Latency.of(h, List.of(), Double.NaN));
    }

    /** ChildJvm's command line for the class, with a class path of jars and extra JVM options. */
    static List<String> command(Class<?> main, String classPath, List<String> args, String... options) {
        var command = new ArrayList<>(ChildJvm.command(main.getName(), args));
        int cp = command.indexOf("-cp");
        command.set(cp + 1, classPath);
        command.addAll(cp, List.of(options));
        return command;
    }

    /** Start to exit of the command, in nanoseconds; an IOException with its error output if it failed. */
    private static long time(List<String> command, Path dir) throws IOException, InterruptedException {
        Path errors = dir.resolve("child-stderr.txt");
        var builder = new ProcessBuilder(command).redirectOutput(Redirect.DISCARD).redirectError(errors.toFile());
        long t0 = System.nanoTime();
        var process = builder.start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("a child JVM did not exit within 60 s: " + String.join(" ", command));
        }
        long nanos = System.nanoTime() - t0;
        if (process.exitValue() != 0) {
            throw new IOException("a child JVM failed (exit status " + process.exitValue() + "): " + String.join(" ", command)
                    + "\n" + Files.readString(errors).strip());
        }
        return nanos;
    }

    /** The jar that holds the class, or a jar made in {@code dir} from the folder that holds it. */
    private static String jarOf(Class<?> anchor, Path dir, String name) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where " + anchor.getName() + " was loaded from", e);
        }
        if (Files.isRegularFile(location)) return location.toString();
        Path jar = dir.resolve(name + ".jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(location.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar.toString();
    }
}
