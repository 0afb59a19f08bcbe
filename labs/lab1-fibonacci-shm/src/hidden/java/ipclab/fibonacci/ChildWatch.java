package ipclab.fibonacci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ipclab.testkit.Lab;
import ipclab.testkit.RunningProgram;

/**
 * Runs a lab program with {@link ChildAgent} in every JVM it starts, and reads what the agents
 * reported: which child JVMs the program started, with which arguments, and what their segment
 * looked like. The agent jar is built in the test's temp folder (the Lab removes it).
 *
 * <pre>{@code
 * var watch = ChildWatch.with(lab, "exit=3");
 * var run = watch.program(FibonacciParent.class).args("10").run(LIMIT);
 * assertThat(watch.children()).singleElement()...;
 * }</pre>
 */
final class ChildWatch {
    private final Lab lab;
    private final Path reports;
    private final String javaToolOptions;

    private ChildWatch(Lab lab, Path jar, Path reports, String action) {
        this.lab = lab;
        this.reports = reports;
        String agent = "-javaagent:" + jar + "=" + ProcessHandle.current().pid() + "," + reports + "," + action;
        String inherited = System.getenv("JAVA_TOOL_OPTIONS");
        this.javaToolOptions = inherited == null || inherited.isBlank() ? agent : inherited + " " + agent;
    }

    /** A watch whose agent does {@code action} (see {@link ChildAgent}) in the children. */
    static ChildWatch with(Lab lab, String action) {
        Path dir = lab.tempDir();
        if (dir.toString().chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
            throw new IllegalStateException("the temp folder " + dir + " must not contain spaces or commas for JAVA_TOOL_OPTIONS");
        }
        try {
            Path reports = Files.createDirectories(dir.resolve("agent-reports"));
            return new ChildWatch(lab, agentJar(dir.resolve("child-agent.jar")), reports, action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A launch of the program with the agent loaded into it and into every JVM it starts. */
    Lab.Launch program(Class<?> mainClass) {
        return lab.program(mainClass).env("JAVA_TOOL_OPTIONS", javaToolOptions);
    }

    /**
     * The run as the program wrote it: without the {@code Picked up JAVA_TOOL_OPTIONS} notes that
     * every JVM with the agent prints first on stderr, so that the program contract applies.
     */
    static RunningProgram.Result withoutAgentNotes(RunningProgram.Result run) {
        String stderr = run.stderr().lines().filter(line -> !line.startsWith("Picked up ") && !line.startsWith("NOTE: Picked up "))
                .map(line -> line + "\n").collect(Collectors.joining());
        return new RunningProgram.Result(run.status(), run.stdout(), stderr);
    }

    /** What one JVM reported when it started. */
    record Child(long pid, long ppid, String mainClass, List<String> args, long segmentBytes, boolean startedByProgram) {
        Path segment() {
            return Path.of(args.getFirst());
        }
    }

    /** The JVMs the program started (not the program itself) that have reported so far. */
    List<Child> children() {
        return all().stream().filter(Child::startedByProgram).toList();
    }

    /** Every JVM that has reported so far, the program included. */
    List<Child> all() {
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(f -> f.toString().endsWith(".properties")).sorted().map(ChildWatch::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Child read(Path file) {
        var p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String args = p.getProperty("args");
        return new Child(Long.parseLong(p.getProperty("pid")), Long.parseLong(p.getProperty("ppid")), p.getProperty("main"),
                args.isEmpty() ? List.of() : Arrays.asList(args.split(" ")), Long.parseLong(p.getProperty("segmentBytes")),
                Boolean.parseBoolean(p.getProperty("startedByProgram")));
    }

    /** A jar holding only the agent class, with the manifest that names it. */
    private static Path agentJar(Path jar) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ChildAgent.class.getName());
        String entry = ChildAgent.class.getName().replace('.', '/') + ".class";
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream bytes = ChildAgent.class.getClassLoader().getResourceAsStream(entry)) {
            if (bytes == null) throw new IOException("cannot find " + entry + " on the test classpath");
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
