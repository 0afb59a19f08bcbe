package ipclab.grader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.report.ClassResult;
import ipclab.grader.report.ClassTable;
import ipclab.grader.report.Json;
import ipclab.grader.report.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every grade reaches the right student: four students named in Chinese and with accents, and
 * two whose names differ only in Unicode normalisation, graded as a class; every report names
 * each exactly, and their files are distinct and listed in grades.json.
 */
@Timeout(300)
class StudentNamesTest {
    static final String ZOE_NFC = Normalizer.normalize("Zoé", Normalizer.Form.NFC);
    static final String ZOE_NFD = Normalizer.normalize("Zoé", Normalizer.Form.NFD);

    @TempDir
    static Path temp;
    static ClassResult result;
    static Path out;

    @BeforeAll
    static void gradeTheClass() {
        var students = new LinkedHashMap<String, String>();
        students.put("李明", "solution");
        students.put("王芳", "starter");
        students.put("Zoë", "solution");
        students.put(ZOE_NFC, "wrong/off-by-one");
        students.put(ZOE_NFD, "solution");
        result = FixtureClass.grade(students, temp);
        out = temp.resolve("out");
        Reports.writeAll(out, result, false);
    }

    @Test
    void everyStudentIsGradedUnderTheirExactName() {
        assertThat(result.students()).extracting(s -> s.student())
                .containsExactlyInAnyOrder("李明", "王芳", "Zoë", ZOE_NFC, ZOE_NFD);
        assertThat(result.students()).filteredOn(s -> s.student().equals(ZOE_NFC)).singleElement()
                .satisfies(s -> assertThat(s.points()).isLessThan(s.maxPoints()));
        assertThat(result.students()).filteredOn(s -> s.student().equals(ZOE_NFD)).singleElement()
                .satisfies(s -> assertThat(s.points()).isEqualTo(s.maxPoints()));
        assertThat(ClassTable.render(result)).contains("李明", "王芳", "Zoë", ZOE_NFC, ZOE_NFD);
    }

    @Test
    void gradesCsvIsUtf8WithEachNameExactly() throws Exception {
        try (var csv = CSVParser.parse(out.resolve("grades.csv"), StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            var names = new ArrayList<String>();
            csv.forEach(r -> names.add(r.get(0)));
            assertThat(names).containsExactlyInAnyOrder("student", "李明", "王芳", "Zoë", ZOE_NFC, ZOE_NFD);
        }
    }

    @Test
    void gradesJsonMapsEachStudentToTheirOwnFiles() throws Exception {
        var json = Json.tree(Files.readString(out.resolve("grades.json")));
        var feedback = new ArrayList<String>();
        for (var s : json.get("students")) {
            String name = s.get("student").asText();
            String file = s.get("files").get("feedback").asText();
            feedback.add(file);
            assertThat(out.resolve(file)).isRegularFile();
            assertThat(Files.readString(out.resolve(file))).startsWith("# Feedback for " + name + "\n");
            assertThat(file).matches("feedback/[A-Za-z0-9._-]+\\.md");
            assertThat(out.resolve(s.get("files").get("gradescope").asText())).isRegularFile();
            assertThat(out.resolve(s.get("files").get("junit").get("lab0-echo").asText())).isRegularFile();
        }
        assertThat(feedback).hasSize(5).doesNotHaveDuplicates();
        try (var all = Files.list(out.resolve("feedback"))) {
            assertThat(all.count()).isEqualTo(5);
        }
    }
}
