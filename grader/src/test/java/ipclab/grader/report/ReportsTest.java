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
class ReportsTest extends ReportsFixture {
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
    void theTableMeasuresNamesInTerminalColumns() {
        assertThat(ClassTable.width("李明")).isEqualTo(4);
        assertThat(ClassTable.width(java.text.Normalizer.normalize("Zoé", java.text.Normalizer.Form.NFD))).isEqualTo(3);
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
        assertThat(Json.tree(json).get("tests")).hasSize(4);
    }

    @Test
    void junitXmlIsWellFormedAndRespectsVisibility() throws Exception {
        String xml = JUnitXml.render("ada", lab1(), false);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(xml).doesNotContain("SECRET").contains("&lt;but was: 6&gt;");
    }

    @Test
    void junitXmlHidesTheMessagesOfHiddenTestsThatWereSkippedOrNotRunAndKeepsControlCharactersOut() throws Exception {
        var lab = LabGrade.of("lab1-fibonacci-shm", LabStatus.GRADED, List.of(
                new TestOutcome(HIDDEN, Verdict.SKIPPED, "SECRET assumption about the hidden input", 0),
                new TestOutcome(test("HiddenTest", "other", 1, Level.HIDDEN), Verdict.NOT_RUN, "SECRET not run", 0),
                new TestOutcome(PUBLIC, Verdict.FAILED, "bell \u0007 and ]]> end", 1)), "", "", List.of(), Timings.NONE, "k");
        String xml = JUnitXml.render("<ada & \"bob\">", lab, false);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(2);
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("<ada & \"bob\">.lab1-fibonacci-shm");
        assertThat(doc.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("bell  and ]]> end");
        assertThat(xml).doesNotContain("SECRET");
    }

    @Test
    void aLabGradeSurvivesJsonBothWays() {
        var grade = lab1();
        var back = Json.read(Json.write(GradeJson.of(grade)), GradeJson.Lab.class).grade();
        assertThat(back).isEqualTo(grade);
        assertThat(Json.write(GradeJson.of(grade))).contains("\"class\": \"ipclab.echo.PublicTest\"").contains("\"compileMillis\": 1000");
    }

    @Test
    void jsonEscapesWhatItMust() {
        var text = "quote \" backslash \\ newline \n tab \t control \u0001 unicode é 李明";
        assertThat(Json.read(Json.write(Map.of("k", text)), Map.class)).isEqualTo(Map.of("k", text));
    }

    @Test
    void theCsvQuotesNamesWithCommasQuotesAndNewlines() throws Exception {
        var labs = new LinkedHashMap<String, Integer>();
        labs.put("lab1-fibonacci-shm", 6);
        var odd = "Smith, \"Jo\"\nline 2";
        var result = new ClassResult(labs, List.of(new StudentGrade(odd, List.of(lab1()))), "test", "v1", Instant.EPOCH);
        String csv = GradesCsv.render(result);
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, GradesCsv.FORMAT)) {
            var records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(1).get(0)).isEqualTo(odd);
            assertThat(records.get(1).get(1)).isEqualTo("3");
        }
    }

    @Test
    void theIndexShowsTheSimilarPairsOfASimilarityReportInTheSameFolder(@TempDir Path out) throws Exception {
        ipclab.grader.similarity.SimilarityReport.write(out,
                List.of(new ipclab.grader.similarity.Similarity.LabResult("lab1-fibonacci-shm", 2,
                        List.of(new ipclab.grader.similarity.Similarity.Pair("lab1-fibonacci-shm", "<b>ada</b>", "bob", 0.91, 0.95)),
                        List.of(), null)));
        Reports.writeAll(out, result(), false);
        assertThat(Files.readString(out.resolve("index.html"))).contains("&lt;b&gt;ada&lt;/b&gt;").contains("91 % (max 95 %)")
                .doesNotContain("<b>ada");
        Files.delete(out.resolve("index.html"));
        assertThat(Reports.rewriteIndex(out)).isTrue();
        assertThat(Files.readString(out.resolve("index.html"))).contains("91 % (max 95 %)").contains("ada");
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
