package ipclab.grader.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A student's name as a file name. The name itself is the submission's folder or zip name,
 * exactly (any script, NFC or NFD as the file system gave it); every report shows it as it is.
 * Files derived from it need a name that is safe on any file system, unique and the same from run
 * to run, whatever else is in the class:
 *
 * <pre>
 *   ada           ada                    (already safe, lower case: kept)
 *   Zoë O'Brien   Zoe_O_Brien-3f0a9c1b2d (accents stripped, the rest '_', a hash of the exact name)
 *   李明          7d1c0e5a9b             (nothing readable is left: the hash alone)
 * </pre>
 *
 * The hash is the first 40 bits of the SHA-256 of the exact name in UTF-8, so {@code Zoé} in NFC
 * and in NFD get different files, as they are different names.
 */
public final class StudentName {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final int READABLE_MAX = 40;

    private StudentName() {
    }

    /** The file name for this student's reports (no extension). */
    public static String fileName(String student) {
        if (SAFE.matcher(student).matches()) return student;
        String readable = Normalizer.normalize(student, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9.-]+", "_")
                .replaceAll("^[._-]+|[._-]+$", "");
        if (readable.length() > READABLE_MAX) readable = readable.substring(0, READABLE_MAX);
        return readable.isEmpty() ? hash(student) : readable + "-" + hash(student);
    }

    private static String hash(String student) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(student.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
