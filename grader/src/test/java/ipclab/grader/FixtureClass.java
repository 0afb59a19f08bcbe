package ipclab.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ipclab.grader.report.ClassResult;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.Submissions;

/**
 * A made-up class on the fixture kit's lab0-echo, graded in seconds: each student a folder whose
 * lab is the fixture's solution, its starter, or the solution with a wrong solution's patch
 * applied (students with the same code share one run through the cache).
 *
 * <pre>{@code
 * var result = FixtureClass.grade(Map.of("ada", "solution", "bob", "starter", "cy", "wrong/off-by-one"), temp);
 * }</pre>
 */
public final class FixtureClass {
    private static final String LAB = "lab0-echo";

    private FixtureClass() {
    }

    /** Writes the students' folders under {@code temp/subs}, grades them and returns the class. */
    public static ClassResult grade(Map<String, String> students, Path temp) {
        var kit = Fixtures.fixtureKit();
        Path subs = temp.resolve("subs");
        students.forEach((name, variant) -> write(kit, subs.resolve(name), variant));
        var grader = Fixtures.grader(kit, Fixtures.fixtureLimits(), temp.resolve("work"), temp.resolve("cache"));
        var lab = grader.prepare(kit.labs().getFirst());
        var grades = grader.gradeClass(Submissions.read(subs, temp.resolve("unpacked")), List.of(lab), Set.of(), Grader.Progress.NONE);
        var labs = new LinkedHashMap<String, Integer>();
        labs.put(LAB, lab.maxPoints());
        return new ClassResult(labs, grades, grader.sandbox().description(), grader.version(), Instant.now());
    }

    private static void write(Kit kit, Path student, String variant) {
        Path java = student.resolve("labs").resolve(LAB).resolve("src/main/java");
        Path solution = kit.root().resolve("solutions").resolve(LAB);
        switch (variant) {
            case "starter" -> copy(kit.root().resolve("labs").resolve(LAB).resolve("src/main/java"), java);
            case "solution" -> copy(solution.resolve("src/main/java"), java);
            default -> {
                var lab = kit.labs().getFirst();
                var wrong = lab.wrongSolutions().stream().filter(w -> ("wrong/" + w.name()).equals(variant)).findFirst().orElseThrow();
                wrong.applyTo(SourceSet.read(lab.solution(), lab.packagePath())).writeTo(java);
            }
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
