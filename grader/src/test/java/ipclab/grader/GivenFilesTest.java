package ipclab.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.validate.Validation;
import ipclab.grader.report.Feedback;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.WrongSolution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given files are the grader's: the fixture lab gives {@code Greeting.java} (its
 * {@code src/main/given.txt}), which the solution's {@code Greeter} prints through. A submission
 * that changes it or deletes it is graded with the starter's copy, full marks, and its feedback
 * names the file; validate refuses a wrong solution that changes it.
 */
@Timeout(300)
class GivenFilesTest {
    private static final String GIVEN = "ipclab/echo/Greeting.java";

    @TempDir
    static Path temp;
    static Grader grader;
    static PreparedLab lab;
    static SourceSet solution;

    @BeforeAll
    static void prepare() {
        var kit = Fixtures.fixtureKit();
        grader = Fixtures.grader(kit, Fixtures.fixtureLimits(), temp.resolve("work"), temp.resolve("cache"));
        lab = grader.prepare(kit.labs().getFirst());
        solution = SourceSet.read(lab.spec().solution(), lab.spec().packagePath());
    }

    private static SourceSet withGreeting(SourceSet base, String body) {
        return base.overlay(new SourceSet(Map.of(GIVEN, """
                package ipclab.echo;
                public final class Greeting {
                    public static String of(String name) { %s }
                }""".formatted(body).getBytes()), List.of()));
    }

    private static SourceSet without(SourceSet base, String path) {
        var files = new TreeMap<>(base.files());
        files.remove(path);
        return new SourceSet(files, base.ignored());
    }

    private static String feedback(String student, ipclab.grader.score.LabGrade grade) {
        return Feedback.render(new StudentGrade(student, List.of(grade)), false);
    }

    @Test
    void theLabListsItsGivenFiles() {
        assertThat(lab.spec().givenFiles()).containsExactly(GIVEN);
    }

    @Test
    void aChangedGivenFileIsGradedAsTheStartersCopyAndTheFeedbackSaysSo() {
        var changed = withGreeting(solution, "return \"bye, \" + name;");
        var grade = grader.grade(lab, "gus", Optional.of(changed), true);
        assertThat(grade.points()).as("the student's Greeting would fail both Greeter tests; the starter's passes them").isEqualTo(9);
        assertThat(grade.key()).as("the cache key is of what was graded").isEqualTo(grader.cacheKey(lab, solution));
        assertThat(feedback("gus", grade))
                .contains("- given file " + GIVEN + " was changed: your changes were ignored and the starter's copy was graded");
    }

    @Test
    void aDeletedGivenFileIsGradedAsTheStartersCopyAndTheFeedbackSaysSo() {
        var deleted = without(solution, GIVEN);
        var grade = grader.grade(lab, "dee", Optional.of(deleted), true);
        assertThat(grade.status()).as("the solution's Greeter needs Greeting to compile").isEqualTo(LabStatus.GRADED);
        assertThat(grade.points()).isEqualTo(9);
        assertThat(feedback("dee", grade)).contains("- given file " + GIVEN + " is missing: the starter's copy was graded");
    }

    @Test
    void studentsWithTheSameGradedCodeShareARunButNotTheirNotes() {
        grader.grade(lab, "ada", Optional.of(solution), false);
        var fromCache = grader.grade(lab, "cy", Optional.of(withGreeting(solution, "return \"hi \" + name;")), false);
        assertThat(fromCache.points()).isEqualTo(9);
        assertThat(fromCache.notes()).singleElement().asString().startsWith("given file " + GIVEN + " was changed");
        assertThat(grader.grade(lab, "ada", Optional.of(solution), false).notes()).noneMatch(n -> n.startsWith("given file"));
    }

    @Test
    void changingOnlyAGivenFileLeavesTheStarterUnchanged() {
        var grade = grader.grade(lab, "sam", Optional.of(withGreeting(lab.starter(), "return name;")), false);
        assertThat(grade.status()).isEqualTo(LabStatus.UNCHANGED);
        assertThat(feedback("sam", grade)).contains("given file " + GIVEN + " was changed");
    }

    @Test
    void validateRefusesAWrongSolutionThatChangesAGivenFileAndASolutionThatDiffers() throws Exception {
        Path patch = temp.resolve("rude.patch");
        Files.writeString(patch, """
                Greets rudely.

                Expected failures:
                  EchoPublicTest#greetsByName

                --- a/ipclab/echo/Greeting.java
                +++ b/ipclab/echo/Greeting.java
                @@ -6,6 +6,6 @@
                     }
                \s
                     public static String of(String name) {
                -        return "hello, " + name;
                +        return "go away, " + name;
                     }
                 }
                """);
        var rude = new WrongSolution("rude", patch, "Greets rudely.", List.of("EchoPublicTest#greetsByName"));
        assertThat(rude.changedFiles()).containsExactly(GIVEN);
        assertThat(Validation.givenTouched(lab.spec().givenFiles(), rude)).contains("changes the given file(s) " + GIVEN);
        assertThat(Validation.givenTouched(lab.spec().givenFiles(), lab.spec().wrongSolutions().getFirst())).isNull();

        assertThat(Validation.givenCheck(lab, solution, SourceSet.empty()).ok()).isTrue();
        assertThat(Validation.givenCheck(lab, solution, without(solution, GIVEN)).ok()).as("a second solution may leave it out").isTrue();
        var differs = Validation.givenCheck(lab, withGreeting(solution, "return name;"), SourceSet.empty());
        assertThat(differs.ok()).isFalse();
        assertThat(differs.detail()).contains("the solution's given file " + GIVEN + " was changed");
    }

    @Test
    void aGraderErrorKeepsTheFirstLinesOfItsStackTraceInTheGrade() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("work-is-a-file"), "");
        var broken = Fixtures.grader(Fixtures.fixtureKit(), Fixtures.fixtureLimits(), notAFolder, temp.resolve("other-cache"));
        var grade = broken.grade(lab, "ivy", Optional.of(solution), true);
        assertThat(grade.status()).isEqualTo(LabStatus.GRADER_ERROR);
        assertThat(grade.notes()).singleElement().asString()
                .startsWith("the grader failed on this submission: ")
                .contains(" | at ipclab.grader.");
    }
}
