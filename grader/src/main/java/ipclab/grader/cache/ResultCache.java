package ipclab.grader.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;

import ipclab.grader.report.GradeJson;
import ipclab.grader.report.Json;
import ipclab.grader.run.Reference;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;

/**
 * Lab grades by the content of what was graded: the key is a digest of the student's sources,
 * the kit's tests and libraries, the grader's version and the limits (see
 * {@link CacheKeys}), so a result is reused exactly when grading again would grade the
 * same thing. One JSON file per key ({@link GradeJson.Lab}); a folder of {@code null} disables
 * the cache. Each lab's expected tests are cached too, by the digest of the kit's side of the
 * lab, so that grading a class again does not even build the kit's tests.
 *
 * <p>An entry that cannot be read (cut short, edited, from another format) is said once to
 * {@code warnings}, deleted, and treated as missing: what it held is graded again.
 */
public record ResultCache(Path dir, Consumer<String> warnings) {
    private static final TypeReference<List<ExpectedTest>> TESTS = new TypeReference<>() {
    };

    /** A cache that says what it could not read on standard error. */
    public ResultCache(Path dir) {
        this(dir, w -> System.err.println("warning: " + w));
    }

    public Optional<LabGrade> get(String key) {
        return read(key + ".json", text -> Json.read(text, GradeJson.Lab.class).grade());
    }

    public void put(LabGrade grade) {
        write(grade.key() + ".json", GradeJson.of(grade));
    }

    /** A lab's expected tests, found once for a version of the kit's lab (key: {@link CacheKeys#tests}). */
    public Optional<List<ExpectedTest>> tests(String key) {
        return read("tests-" + key + ".json", text -> Json.read(text, TESTS));
    }

    public void putTests(String key, List<ExpectedTest> tests) {
        write("tests-" + key + ".json", tests);
    }

    private <T> Optional<T> read(String name, java.util.function.Function<String, T> parse) {
        if (dir == null) return Optional.empty();
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(parse.apply(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            warnings.accept("cache entry " + file + " is unreadable (" + why + "): removed, graded again");
            try {
                Files.deleteIfExists(file);
            } catch (IOException gone) {
                warnings.accept("cannot remove " + file + ": " + gone.getMessage());
            }
            return Optional.empty();
        }
    }

    /** A lab's reference times (key: {@link CacheKeys#reference}). */
    public Optional<Reference> reference(String key) {
        return read("reference-" + key + ".json", text -> Json.read(text, Reference.class));
    }

    public void putReference(String key, Reference reference) {
        write("reference-" + key + ".json", reference);
    }

    private void write(String name, Object json) {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "entry-", ".tmp");
            Files.writeString(tmp, Json.write(json), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            warnings.accept("cannot write the cache entry " + name + " in " + dir + ": " + e.getMessage());
        }
    }
}
