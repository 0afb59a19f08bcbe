package ipclab.grader.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import ipclab.grader.score.StudentGrade;

import static org.assertj.core.api.Assertions.assertThat;

/** Classroom 50's result.json against its result/v1 schema, and the Canvas and Moodle gradebook layouts. */
class Classroom50AndGradebookTest extends ReportsFixture {

    @Test
    void everyClassroom50ResultMatchesTheResultV1Schema(@TempDir Path out) throws Exception {
        Reports.writeAll(out, result(), false);
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(getClass().getResourceAsStream("/classroom50/result-v1.schema.json"));
        Path file = out.resolve(StudentFiles.of(result().students().getFirst()).classroom50());
        var json = Json.tree(Files.readString(file));
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.get("score").asInt()).isZero();
        assertThat(json.get("max-score").asInt()).as("the after-due-date test is held back").isEqualTo(4);
        assertThat(json.get("tests")).hasSize(3);

        var released = Json.tree(Json.write(Classroom50.render(result().students().getFirst(), true)));
        assertThat(schema.validate(released)).isEmpty();
        assertThat(released.get("score").asInt()).isEqualTo(3);
        assertThat(released.get("tests").get(2).get("test-name").asText()).isEqualTo("lab1: HiddenTest › addsLarge");

        var broken = Json.tree("{\"score\": 1, \"max-score\": 2, \"tests\": [{\"test-name\": \"x\", \"passed\": \"yes\", \"score\": 1}]}");
        assertThat(schema.validate(broken)).as("the schema is not empty").hasSizeGreaterThanOrEqualTo(2);
    }

    static ClassResult threeStudents() {
        var labs = new LinkedHashMap<String, Integer>();
        labs.put("lab1-fibonacci-shm", 6);
        labs.put("lab2-time-server-mq", 1);
        return new ClassResult(labs, List.of(new StudentGrade("ada", List.of(lab1(), lab2NotCompiled())),
                new StudentGrade("李明", List.of(lab1(), lab2NotCompiled())),
                new StudentGrade("stranger", List.of(lab1(), lab2NotCompiled()))), "test", "v1", Instant.EPOCH);
    }

    private static List<List<String>> rows(Path csv) throws Exception {
        try (var parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            var rows = new ArrayList<List<String>>();
            parser.forEach(r -> rows.add(r.toList()));
            return rows;
        }
    }

    @Test
    void canvasAndMoodleGetTheirColumnsWithStudentsMatchedThroughTheMapping(@TempDir Path out) throws Exception {
        Path students = Files.writeString(out.resolve("students.csv"), "folder,id,name\nada,S001,\"Lovelace, Ada\"\n李明,S002,李明\n",
                StandardCharsets.UTF_8);
        var missing = Gradebook.CANVAS.write(out, threeStudents(), students);
        assertThat(missing).containsExactly("stranger");
        assertThat(rows(out.resolve("canvas.csv"))).containsExactly(
                List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "lab1-fibonacci-shm", "lab2-time-server-mq"),
                List.of("Points Possible", "", "", "", "", "6", "1"),
                List.of("Lovelace, Ada", "", "S001", "", "", "3", "0"),
                List.of("李明", "", "S002", "", "", "3", "0"));

        Gradebook.MOODLE.write(out, threeStudents(), students);
        assertThat(rows(out.resolve("moodle.csv"))).containsExactly(
                List.of("ID number", "Full name", "lab1-fibonacci-shm", "lab2-time-server-mq", "total"),
                List.of("S001", "Lovelace, Ada", "3", "0", "3"),
                List.of("S002", "李明", "3", "0", "3"));
    }

    @Test
    void aMappingWithoutItsColumnsIsAClearError(@TempDir Path out) throws Exception {
        Path students = Files.writeString(out.resolve("students.csv"), "name,email\nada,a@x\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gradebook.CANVAS.write(out, threeStudents(), students))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("folder,id,name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gradebook.MOODLE.write(out, threeStudents(), out.resolve("none.csv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no student mapping");
    }
}
