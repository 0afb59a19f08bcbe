package ipclab.grader.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.StudentGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports: each format's shape, and visibility respected wherever a student reads. */
class ReportsTest {
    static final ExpectedTest PUBLIC = test("PublicTest", "adds", 1, Level.VISIBLE);
    static final ExpectedTest HIDDEN = test("HiddenTest", "addsNegative", 2, Level.HIDDEN);
    static final ExpectedTest LATER = test("HiddenTest", "addsLarge", 3, Level.AFTER_DUE_DATE);

    static ExpectedTest test(String cls, String method, int points, Level visibility) {
        return new ExpectedTest("[class:" + cls + "]/[method:" + method + "()]", "ipclab.echo." + cls, method, cls + " › " + method, points, visibility);
    }

    static LabGrade lab1() {
        return LabGrade.of("lab1-fibonacci-shm", LabStatus.GRADED, List.of(
                new TestOutcome(PUBLIC, Verdict.FAILED, "expected: 5 <but was: 6> & \"more\"", 12),
                new TestOutcome(HIDDEN, Verdict.FAILED, "SECRET hidden detail", 30),
                new TestOutcome(LATER, Verdict.PASSED, "", 40)), "", "printed", List.of("ignored x.txt (outside package)"),
                new Timings(1000, 200, 3000, 4500, 1), "k1");
    }

    static LabGrade lab2NotCompiled() {
        return LabGrade.notRun("lab2-time-server-mq", LabStatus.NOT_COMPILED, List.of(PUBLIC), "A.java:3: error: ';' expected\n", List.of(),
                Timings.NONE, "k2");
    }

    static ClassResult result() {
        var labs = new LinkedHashMap<String, Integer>();
        labs.put("lab1-fibonacci-shm", 6);
        labs.put("lab2-time-server-mq", 1);
        return new ClassResult(labs, List.of(new StudentGrade("ada", List.of(lab1(), lab2NotCompiled()))), "test", "v1", Instant.EPOCH);
    }

    @Test
    void theCsvHasARowPerStudentAndAColumnPerLabAndTheTotal() {
        assertThat(GradesCsv.render(result())).isEqualTo("student,lab1-fibonacci-shm,lab2-time-server-mq,total\nada,3,0,3\n");
    }

    @Test
    void theTableShowsPointsAndSaysWhyALabWasNotGraded() {
        String table = ClassTable.render(result());
        assertThat(table).contains("lab1").contains("lab2").contains("javac");
        assertThat(table.lines().filter(l -> l.strip().startsWith("ada"))).singleElement().asString().matches(".*ada\\s+3\\s+javac\\s+3");
    }

    @Test
    void feedbackShowsVisibleMessagesHidesHiddenOnesAndHoldsBackAfterDueDateTests() {
        String before = Feedback.render(result().students().getFirst(), false);
        assertThat(before).contains("expected: 5").contains("HiddenTest › addsNegative").doesNotContain("SECRET")
                .doesNotContain("addsLarge").contains("1 more test(s) are shown after the due date")
                .contains("A.java:3: error: ';' expected").contains("0 / 3").contains("Total: **0 / 4**");
        String after = Feedback.render(result().students().getFirst(), true);
        assertThat(after).contains("addsLarge").contains("3 / 6").doesNotContain("SECRET");
    }

    @Test
    void gradescopeGetsEveryTestWithItsVisibilityAndNoHiddenMessages() {
        var json = Json.write(Gradescope.render(result().students().getFirst()));
        assertThat(json).contains("\"score\": 3").contains("\"visibility\": \"after_due_date\"").contains("expected: 5")
                .doesNotContain("SECRET");
        @SuppressWarnings("unchecked")
        var tests = (List<Object>) ((Map<String, Object>) Json.parse(json)).get("tests");
        assertThat(tests).hasSize(4);
    }

    @Test
    void junitXmlIsWellFormedAndRespectsVisibility() throws Exception {
        String xml = JUnitXml.render("ada", lab1(), false);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(xml).doesNotContain("SECRET").contains("&lt;but was: 6&gt;");
    }

    @Test
    void aLabGradeSurvivesJsonBothWays() {
        var grade = lab1();
        @SuppressWarnings("unchecked")
        var back = GradeJson.fromJson((Map<String, Object>) Json.parse(Json.write(GradeJson.toJson(grade))));
        assertThat(back).isEqualTo(grade);
    }

    @Test
    void jsonEscapesWhatItMust() {
        var text = "quote \" backslash \\ newline \n tab \t control \u0001 unicode é";
        assertThat(Json.parse(Json.write(Map.of("k", text)))).isEqualTo(Map.of("k", text));
        assertThat(Json.parse("[1, 2.5, true, null, {\"a\": []}]")).isEqualTo(java.util.Arrays.asList(1L, 2.5, true, null, Map.of("a", List.of())));
    }

    @Test
    void everyReportIsWritten(@TempDir Path out) {
        Reports.writeAll(out, result(), false);
        for (String f : List.of("grades.csv", "grades.json", "index.html", "feedback/ada.md", "gradescope/ada/results.json",
                "junit/ada/lab1-fibonacci-shm.xml", "junit/ada/lab2-time-server-mq.xml", "logs/ada/lab1-fibonacci-shm.log")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.exists(out.resolve("logs/ada/lab2-time-server-mq.log"))).isFalse();
    }
}
