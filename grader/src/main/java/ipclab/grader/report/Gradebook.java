package ipclab.grader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A class's grades in the column layout a learning platform imports, with the students matched
 * through a mapping file, {@code students.csv} ({@code folder,id,name}: the submission's folder
 * or zip name, the platform's student id, the student's name):
 *
 * <ul>
 *   <li>{@code canvas.csv}: Canvas's gradebook import: {@code Student, ID, SIS User ID, SIS
 *       Login ID, Section}, a column per lab, then a {@code Points Possible} row; the student id
 *       goes in {@code SIS User ID};</li>
 *   <li>{@code moodle.csv}: for Moodle's CSV grade import: {@code ID number, Full name}, a
 *       column per lab and the total (map {@code ID number} to the user's ID number and each lab
 *       to a grade item when importing).</li>
 * </ul>
 *
 * Students graded but not in the mapping are left out and returned, so the caller can say so.
 */
public enum Gradebook {
    CANVAS, MOODLE;

    /** A row of students.csv. */
    public record Student(String folder, String id, String name) {
    }

    /** The file this gradebook is written to. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    }

    /** Reads students.csv (a header row {@code folder,id,name}, then a row per student). */
    public static Map<String, Student> readStudents(Path file) {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
            if (!parser.getHeaderNames().containsAll(List.of("folder", "id", "name"))) {
                throw new IllegalArgumentException(
                        file + " needs the columns folder,id,name (it has " + String.join(",", parser.getHeaderNames()) + ")");
            }
            var students = new LinkedHashMap<String, Student>();
            for (var r : parser) students.put(r.get("folder"), new Student(r.get("folder"), r.get("id"), r.get("name")));
            return students;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The gradebook's CSV text; {@code missing} receives the graded students the mapping does not name. */
    public String render(ClassResult result, Map<String, Student> students, List<String> missing) {
        var rows = new ArrayList<List<?>>();
        var labs = new ArrayList<>(result.labs().keySet());
        switch (this) {
            case CANVAS -> {
                var header = new ArrayList<Object>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
                header.addAll(labs);
                rows.add(header);
                var possible = new ArrayList<Object>(List.of("Points Possible", "", "", "", ""));
                possible.addAll(result.labs().values());
                rows.add(possible);
            }
            case MOODLE -> {
                var header = new ArrayList<Object>(List.of("ID number", "Full name"));
                header.addAll(labs);
                header.add("total");
                rows.add(header);
            }
        }
        for (var s : result.students()) {
            var who = students.get(s.student());
            if (who == null) {
                missing.add(s.student());
                continue;
            }
            var row = new ArrayList<Object>(this == CANVAS ? List.of(who.name(), "", who.id(), "", "") : List.of(who.id(), who.name()));
            for (String lab : labs) row.add(s.lab(lab).map(g -> g.points()).orElse(0));
            if (this == MOODLE) row.add(s.points());
            rows.add(row);
        }
        return GradesCsv.csv(rows);
    }

    /** Writes the gradebook into {@code out}; returns the students left out (not in the mapping). */
    public List<String> write(Path out, ClassResult result, Path studentsCsv) {
        ensure(studentsCsv);
        var missing = new ArrayList<String>();
        Reports.write(out.resolve(fileName()), render(result, readStudents(studentsCsv), missing));
        return missing;
    }

    private static void ensure(Path file) {
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("no student mapping at " + file + " (students.csv: folder,id,name)");
    }
}
