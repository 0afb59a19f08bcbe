package ipclab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Java sources of one lab as a student (or the kit) wrote them: relative path under
 * {@code src/main/java} to content. Only regular {@code .java} files inside the lab's package
 * are taken — symbolic links, files in other packages (a class that would shadow a test
 * library) and files over the size caps are left out and named in {@link #ignored()}.
 *
 * <pre>{@code
 * var sources = SourceSet.read(studentDir.resolve("labs/lab1-fibonacci-shm/src/main/java"), "ipclab/fibonacci");
 * boolean untouched = sources.sameCode(SourceSet.read(lab.starter(), lab.packagePath()));
 * }</pre>
 */
public record SourceSet(Map<String, byte[]> files, List<String> ignored) {
    static final int MAX_FILES = 200;
    static final long MAX_FILE_BYTES = 1 << 20;
    static final long MAX_TOTAL_BYTES = 4 << 20;

    public SourceSet {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        ignored = List.copyOf(ignored);
    }

    public static SourceSet empty() {
        return new SourceSet(Map.of(), List.of());
    }

    /** Reads the {@code .java} files of the package (a path such as {@code ipclab/fibonacci}) under javaRoot. */
    public static SourceSet read(Path javaRoot, String packagePath) {
        var files = new TreeMap<String, byte[]>();
        var ignored = new ArrayList<String>();
        if (!Files.isDirectory(javaRoot)) return new SourceSet(files, ignored);
        try {
            Files.walkFileTree(javaRoot, new SimpleFileVisitor<>() {
                long total;

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = javaRoot.relativize(file).toString().replace('\\', '/');
                    if (!rel.endsWith(".java")) return FileVisitResult.CONTINUE;
                    if (!attrs.isRegularFile()) ignored.add(rel + " (not a regular file)");
                    else
                        if (!rel.startsWith(packagePath + "/"))
                            ignored.add(rel + " (outside package " + packagePath.replace('/', '.') + ")");
                    else
                            if (attrs.size() > MAX_FILE_BYTES) ignored.add(rel + " (larger than " + MAX_FILE_BYTES + " bytes)");
                    else if (files.size() >= MAX_FILES || total + attrs.size() > MAX_TOTAL_BYTES) ignored.add(rel + " (too many sources)");
                    else {
                        try {
                            files.put(rel, Files.readAllBytes(file));
                            total += attrs.size();
                        } catch (IOException e) {
                            ignored.add(rel + " (unreadable: " + e.getMessage() + ")");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceSet(files, ignored);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** This set with other's files laid over it (other wins where both have a file). */
    public SourceSet overlay(SourceSet other) {
        var merged = new TreeMap<>(files);
        merged.putAll(other.files);
        var notes = new ArrayList<>(ignored);
        notes.addAll(other.ignored);
        return new SourceSet(merged, notes);
    }

    /** How a note about a given file starts (in {@link #ignored()}; the student's feedback shows it as it is). */
    public static final String GIVEN_NOTE = "given file ";

    /**
     * This set as the grader compiles it: each given file (a path under {@code src/main/java})
     * is the starter's copy, whatever this set has. A given file this set changed (more than line
     * endings and trailing spaces) or lacks is named in {@link #ignored()}, in a note that starts
     * with {@link #GIVEN_NOTE}. An empty set stays empty (nothing was submitted); applying it twice
     * changes nothing more.
     */
    public SourceSet withGiven(SourceSet starter, List<String> given) {
        if (files.isEmpty() || given.isEmpty()) return this;
        var merged = new TreeMap<>(files);
        var notes = new ArrayList<>(ignored);
        for (String path : given) {
            byte[] ours = starter.files.get(path);
            if (ours == null) continue;  // validate names a given file the starter lacks
            byte[] theirs = files.get(path);
            if (theirs == null) {
                notes.add(GIVEN_NOTE + path + " is missing: the starter's copy was graded (given files must stay as handed out)");
            } else if (!normalized(theirs).equals(normalized(ours))) {
                notes.add(GIVEN_NOTE + path
                        + " was changed: your changes were ignored and the starter's copy was graded (given files must stay as handed out)");
            }
            merged.put(path, ours);
        }
        return new SourceSet(merged, notes);
    }

    /** Same files with the same code, whatever the line endings and trailing spaces. */
    public boolean sameCode(SourceSet other) {
        if (!files.keySet().equals(other.files.keySet())) return false;
        for (var e : files.entrySet()) {
            if (!normalized(e.getValue()).equals(normalized(other.files.get(e.getKey())))) return false;
        }
        return true;
    }

    private static String normalized(byte[] source) {
        return new String(source, StandardCharsets.UTF_8).lines().map(String::stripTrailing)
                .filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    /** SHA-256 over every path and content, in path order. */
    public String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the files under dir (which becomes a {@code src/main/java}-like root); returns their paths. */
    public List<Path> writeTo(Path dir) {
        var written = new ArrayList<Path>();
        try {
            for (var e : files.entrySet()) {
                Path target = dir.resolve(e.getKey()).normalize();
                if (!target.startsWith(dir)) continue;
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
