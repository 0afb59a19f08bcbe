package ipclab.grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a class's submissions: every folder of the submissions folder is a student's clone, and
 * every {@code .zip} is one too (named after the file). Zips are unpacked into a scratch folder,
 * keeping only {@code .java} entries, refusing absolute paths and {@code ../}, and stopping at
 * size caps, so that an archive can neither write outside its folder nor fill the disk.
 * Symbolic links among the submissions are skipped.
 *
 * <pre>{@code
 * List<Submission> all = Submissions.read(Path.of("submissions"), scratch);
 * }</pre>
 */
public final class Submissions {
    static final int MAX_ZIP_ENTRIES = 10_000;
    static final long MAX_ZIP_BYTES = 16 << 20;

    private Submissions() {
    }

    /** The submissions in the folder (or the one submission a folder or zip is, if it is a clone itself), by student name. */
    public static List<Submission> read(Path folder, Path scratch) {
        if (Files.isRegularFile(folder) && folder.toString().endsWith(".zip")) {
            return List.of(unzip(folder, scratch));
        }
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException("no submissions folder at " + folder);
        if (Files.isDirectory(folder.resolve("labs"))) return List.of(new Submission(studentName(folder), folder));
        var byName = new LinkedHashMap<String, Submission>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.sorted().toList()) {
                if (Files.isSymbolicLink(p) || p.getFileName().toString().startsWith(".")) continue;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) add(byName, new Submission(studentName(p), p), p);
                else if (p.toString().endsWith(".zip")) add(byName, unzip(p, scratch), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(byName.values());
    }

    /**
     * Adds a submission under its name; a second one of the same name (a folder {@code ada} and
     * an {@code ada.zip}) is named after its whole file name, so that both are graded and told apart.
     */
    private static void add(Map<String, Submission> byName, Submission s, Path from) {
        String name = s.student();
        if (byName.containsKey(name)) name = from.getFileName().toString();
        for (int i = 2; byName.containsKey(name); i++) name = from.getFileName() + " (" + i + ")";
        byName.put(name, new Submission(name, s.root()));
    }

    /** A student's name: the folder's or zip's name, exactly (see {@link StudentName} for the files made from it). */
    public static String studentName(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /** Unpacks the .java entries of a zip into scratch/&lt;student&gt;/. */
    static Submission unzip(Path zip, Path scratch) {
        String student = studentName(zip);
        Path target = scratch.resolve(StudentName.fileName(student)).toAbsolutePath().normalize();
        long total = 0;
        int count = 0;
        try (InputStream file = Files.newInputStream(zip); var in = new ZipInputStream(file)) {
            Files.createDirectories(target);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (++count > MAX_ZIP_ENTRIES) break;
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || !name.endsWith(".java") || name.startsWith("/") || name.contains(":")) continue;
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target) || out.equals(target)) continue;
                Files.createDirectories(out.getParent());
                long left = Math.min(SourceSet.MAX_FILE_BYTES + 1, MAX_ZIP_BYTES - total);
                if (left <= 0) break;
                try (OutputStream o = Files.newOutputStream(out)) {
                    total += copyAtMost(in, o, left);
                }
            }
        } catch (IOException e) {
            // a broken archive: what was unpacked so far is the submission, and the feedback will show what is missing
        }
        return new Submission(student, target);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        var buffer = new byte[8192];
        long copied = 0;
        for (int n; copied < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied))) > 0;) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /** The names of the students in the list. */
    public static List<String> names(List<Submission> submissions) {
        var names = new ArrayList<String>();
        for (var s : submissions) names.add(s.student());
        return names;
    }
}
