package ipclab.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ipclab.ipc.ChildJvm;

/**
 * A lab's compiled code, which the bench measures without depending on it at build time: the
 * reference solution's {@code target/classes} where the kit has it, else the student's lab's,
 * and the libraries the lab's pom brings ({@code target/classpath.txt}, e.g. Jackson for Lab 5).
 *
 * <pre>{@code
 * LabCode lab5 = LabCode.find("lab5-sockets", "ipclab.sockets.Connection").orElseThrow();
 * Class<?> client = lab5.loader().loadClass("ipclab.sockets.Client");         // in this JVM
 * var command = lab5.command("ipclab.sockets.KvServer", List.of("unix:/tmp/kv.sock"));  // a child JVM
 * }</pre>
 *
 * @param classes   the lab's compiled classes
 * @param libraries the lab's own libraries (not the kit's, which the bench has)
 */
record LabCode(Path classes, List<Path> libraries) {

    /** The lab's classes that hold {@code probe}, looked for from the working folder up: the solution first, then the lab. */
    static Optional<LabCode> find(String lab, String probe) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String candidate : List.of("solutions/" + lab, "labs/" + lab)) {
                Path target = dir.resolve(candidate).resolve("target");
                if (Files.isRegularFile(target.resolve("classes").resolve(probe.replace('.', '/') + ".class"))) {
                    return Optional.of(new LabCode(target.resolve("classes"), libraries(target.resolve("classpath.txt"))));
                }
            }
        }
        return Optional.empty();
    }

    /** Lab 5's code, if it is built. */
    static Optional<LabCode> lab5() {
        return find("lab5-sockets", "ipclab.sockets.Connection");
    }

    private static List<Path> libraries(Path classpathFile) {
        try {
            if (!Files.isRegularFile(classpathFile)) return List.of();
            return Arrays.stream(Files.readString(classpathFile).strip().split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathFile + ": " + e.getMessage(), e);
        }
    }

    /** The lab's classes and libraries, then the bench's own class path (the kit). */
    String classPath() {
        var parts = new ArrayList<String>();
        parts.add(classes.toString());
        libraries.forEach(p -> parts.add(p.toString()));
        parts.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, parts);
    }

    /** A loader for the lab's classes in this JVM, the kit's classes coming from the bench's own class path. */
    URLClassLoader loader() {
        var urls = new ArrayList<URL>();
        try {
            urls.add(classes.toUri().toURL());
            for (Path p : libraries) urls.add(p.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader("lab-code", urls.toArray(URL[]::new), LabCode.class.getClassLoader());
    }

    /** The command that runs {@code mainClass} of the lab (or of the bench) in a child JVM as {@link ChildJvm} starts one. */
    List<String> command(String mainClass, List<String> args) {
        var command = new ArrayList<>(ChildJvm.command(mainClass, args));
        command.set(command.indexOf("-cp") + 1, classPath());
        return command;
    }
}
