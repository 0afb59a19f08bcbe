package ipclab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ipclab.grader.report.GradeJson;
import ipclab.grader.report.Json;
import ipclab.grader.run.Reference;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;

/**
 * Lab grades by the content of what was graded: the key is a digest of the student's sources,
 * the kit's tests and libraries, the grader's version and the limits (see
 * {@link Pipeline#cacheKey}), so a result is reused exactly when grading again would grade the
 * same thing. One JSON file per key; a folder of {@code null} disables the cache. Each lab's
 * expected tests are cached too, by the digest of the kit's side of the lab, so that grading a
 * class again does not even build the kit's tests.
 */
public record ResultCache(Path dir) {

    public Optional<LabGrade> get(String key) {
        if (dir == null) return Optional.empty();
        Path file = dir.resolve(key + ".json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            @SuppressWarnings("unchecked")
            var json = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(GradeJson.fromJson(json));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // unreadable: grade again
        }
    }

    public void put(LabGrade grade) {
        write(grade.key() + ".json", GradeJson.toJson(grade));
    }

    /** A lab's expected tests, found once for a version of the kit's lab (key: see {@link Pipeline#prepare}). */
    @SuppressWarnings("unchecked")
    public Optional<List<ExpectedTest>> tests(String key) {
        if (dir == null) return Optional.empty();
        try {
            var json = (List<Object>) Json.parse(Files.readString(dir.resolve("tests-" + key + ".json"), StandardCharsets.UTF_8));
            return Optional.of(json.stream().map(o -> GradeJson.testFromJson((Map<String, Object>) o)).toList());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putTests(String key, List<ExpectedTest> tests) {
        write("tests-" + key + ".json", tests.stream().map(GradeJson::toJson).toList());
    }

    /** A lab's reference times (key: see {@link Pipeline#prepare}). */
    @SuppressWarnings("unchecked")
    public Optional<Reference> reference(String key) {
        if (dir == null) return Optional.empty();
        try {
            var json = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("reference-" + key + ".json"), StandardCharsets.UTF_8));
            var tests = new java.util.HashMap<String, Long>();
            ((Map<String, Object>) json.get("tests")).forEach((uid, millis) -> tests.put(uid, ((Number) millis).longValue()));
            return Optional.of(new Reference(((Number) json.get("suiteMillis")).longValue(), tests));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void putReference(String key, Reference reference) {
        write("reference-" + key + ".json", Map.of("suiteMillis", reference.suiteMillis(), "tests", new java.util.TreeMap<>(reference.testMillis())));
    }

    private void write(String name, Object json) {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "entry-", ".tmp");
            Files.writeString(tmp, Json.write(json), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not cached: computed again next time
        }
    }
}
