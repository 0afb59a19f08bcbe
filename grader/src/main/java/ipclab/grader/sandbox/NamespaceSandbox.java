package ipclab.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Linux sandbox: every run in its own user, PID, IPC, network and mount namespaces, built by
 * {@code unshare} and the shell script {@code box.sh} (read it: it is the file system the run
 * sees). What the isolation gives:
 * <ul>
 *   <li>a process cannot outlive its run: the script is PID 1 of the namespace, {@code --kill-child}
 *       kills it when the grader kills {@code unshare}, and the kernel kills the rest with it
 *       (setsid and double forks included);</li>
 *   <li>System V queues and {@code /dev/shm} files live in the run's own IPC namespace and tmpfs,
 *       and are gone with it; no run sees another's;</li>
 *   <li>no network; no view of the host's processes;</li>
 *   <li>a file system with only the JDK, system libraries, the run's own classes and jars
 *       (read-only) and a private {@code /tmp}: no kit sources, solutions, hidden test sources,
 *       home folders or other students' work;</li>
 *   <li>the command itself runs without capabilities in a nested user namespace, so it cannot
 *       undo any of this (the mounts are locked).</li>
 * </ul>
 */
public record NamespaceSandbox(Limits limits) implements Sandbox {
    /** The size of a box's own /dev/shm: Docker's default, 64 MiB. */
    static final int SHM_MEGABYTES = 64;

    private static final String SCRIPT = script();
    private static final List<String> UNSHARE = List.of("unshare", "--user", "--map-root-user", "--ipc", "--pid", "--net",
            "--mount", "--fork", "--kill-child", "--mount-proc");

    /** Why this machine cannot run the sandbox (null if it can): tries a box that runs {@code true}. */
    static String unavailableReason(Limits limits) {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) return "not Linux";
        Path probe = null;
        try {
            probe = Files.createTempDirectory("ipclab-box-probe-");
            var box = new NamespaceSandbox(limits).start(List.of("true"), Map.of(), probe, probe, Map.of());
            box.stdin().close();
            String err = new String(readAtMost(box.stderr(), 2000), StandardCharsets.UTF_8).strip();
            if (!box.waitFor(java.time.Duration.ofSeconds(30))) {
                box.kill();
                return "a test box did not start within 30 s";
            }
            if (box.exitValue() != 0)
                return "unshare failed: " + (err.isEmpty() ? "exit status " + box.exitValue() : err.lines().findFirst().orElse(""));
            return null;
        } catch (IOException e) {
            return "cannot run unshare: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (probe != null) probe.toFile().delete();
        }
    }

    @Override
    public Box start(List<String> command, Map<String, Path> readOnly, Path mountPoint, Path scratch, Map<String, String> env)
            throws IOException {
        var plan = plan(mountPoint, readOnly);
        var full = new ArrayList<>(UNSHARE);
        full.addAll(List.of("sh", "-c", SCRIPT, "box", mountPoint.toString(), String.join("\n", plan.dirs()),
                String.join("\n", plan.files()), String.join("\n", plan.links()), String.join("\n", plan.fstab()), "--"));
        full.addAll(command);
        var builder = new ProcessBuilder(full).directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().put("HOME", "/tmp");
        return new Box(builder.start());
    }

    /**
     * The box's file system, for box.sh: folders and files to create under the root (mount
     * points), symbolic links, and the fstab that mounts everything in one call.
     */
    record Plan(List<String> dirs, List<String> files, List<String> links, List<String> fstab) {
    }

    private static final List<String> SYSTEM_DIRS = List.of("bin", "lib", "lib32", "lib64", "libx32", "sbin");
    private static final List<String> ETC_FILES = List.of("passwd", "group", "nsswitch.conf", "hosts", "host.conf",
            "ld.so.cache", "ld.so.conf", "timezone", "localtime");
    private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom");

    // One method, about 50 lines, on purpose: it is the box's whole file system in mount order (fstab
    // mounts in its lines' order), which reads best top to bottom as one list.
    Plan plan(Path root, Map<String, Path> readOnly) throws IOException {
        var dirs = new ArrayList<>(List.of("usr", "etc", "tmp", "proc", "dev/shm"));
        var files = new ArrayList<String>();
        var links = new ArrayList<>(List.of("/proc/self/fd dev/fd", "/proc/self/fd/0 dev/stdin", "/proc/self/fd/1 dev/stdout",
                "/proc/self/fd/2 dev/stderr"));
        var fstab = new ArrayList<String>();
        Path usr = Path.of("/usr");
        fstab.add(bind(usr, root, "usr", true));
        for (String d : SYSTEM_DIRS) {
            Path p = Path.of("/", d);
            if (Files.isSymbolicLink(p)) links.add(Files.readSymbolicLink(p) + " " + d);
            else if (Files.isDirectory(p)) {
                dirs.add(d);
                fstab.add(bind(p, root, d, true));
            }
        }
        for (String f : ETC_FILES) {
            Path p = Path.of("/etc", f);
            if (Files.isSymbolicLink(p)) links.add(Files.readSymbolicLink(p) + " etc/" + f);
            else if (Files.isRegularFile(p)) {
                files.add("etc/" + f);
                fstab.add(bind(p, root, "etc/" + f, true));
            }
        }
        if (Files.isDirectory(Path.of("/etc/alternatives"))) {
            dirs.add("etc/alternatives");
            fstab.add(bind(Path.of("/etc/alternatives"), root, "etc/alternatives", true));
        }
        for (String d : DEVICES) {
            files.add("dev/" + d);
            fstab.add(bind(Path.of("/dev", d), root, "dev/" + d, false));
        }
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        if (!javaHome.startsWith(usr)) {
            String rel = javaHome.toString().substring(1);
            dirs.add(rel);
            fstab.add(bind(javaHome, root, rel, true));
        }
        for (var e : readOnly.entrySet()) {
            String rel = pathOf(e.getKey(), e.getValue()).substring(1);
            dirs.add(rel);
            fstab.add(bind(e.getValue().toRealPath(), root, rel, true));
        }
        fstab.add(entry("tmp", root.resolve("tmp").toString(), "tmpfs", "size=" + limits.tmpMegabytes() + "m,mode=1777"));
        // Docker's default /dev/shm, which Gradescope's containers have: a lab that fits here fits there
        fstab.add(entry("shm", root.resolve("dev/shm").toString(), "tmpfs",
                "size=" + Math.min(SHM_MEGABYTES, limits.tmpMegabytes()) + "m,mode=1777"));
        fstab.add(entry("proc", root.resolve("proc").toString(), "proc", "nosuid,nodev,noexec"));
        return new Plan(dirs, files, links, fstab);
    }

    private static String bind(Path source, Path root, String target, boolean readOnly) {
        return entry(source.toString(), root.resolve(target).toString(), "none", readOnly ? "bind,ro" : "bind");
    }

    private static String entry(String source, String target, String type, String options) {
        return escape(source) + " " + escape(target) + " " + type + " " + options + " 0 0";
    }

    /** fstab(5) escapes: a space, tab, newline or backslash in a path is written in octal. */
    static String escape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }

    @Override
    public String pathOf(String name, Path host) {
        return "/box/" + name;
    }

    @Override
    public String tmpDir(Path scratch) {
        return "/tmp";
    }

    @Override
    public String description() {
        return "Linux namespaces (user, PID, IPC, network, mount), a read-only file system with only the run's classes, private /tmp and /dev/shm";
    }

    private static String script() {
        try (InputStream in = NamespaceSandbox.class.getResourceAsStream("box.sh")) {
            if (in == null) throw new IllegalStateException("box.sh is missing from the grader's resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var buffer = new byte[1024];
        for (int n; out.size() < max && (n = in.read(buffer)) > 0;) out.write(buffer, 0, n);
        return out.toByteArray();
    }
}
