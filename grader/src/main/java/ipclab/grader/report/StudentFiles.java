package ipclab.grader.report;

import java.util.LinkedHashMap;
import java.util.Map;

import ipclab.grader.score.StudentGrade;
import ipclab.grader.submission.StudentName;

/**
 * Where one student's reports are, relative to the output folder, named by
 * {@link StudentName#fileName}: the same student always gets the same files, and no two students
 * share one. {@code grades.json} lists them for every student.
 *
 * @param junit a JUnit XML file per lab
 * @param logs  a log per lab that printed anything
 */
public record StudentFiles(String feedback, String page, String gradescope, String classroom50, Map<String, String> junit,
                           Map<String, String> logs) {

    public static StudentFiles of(StudentGrade s) {
        String file = StudentName.fileName(s.student());
        var junit = new LinkedHashMap<String, String>();
        var logs = new LinkedHashMap<String, String>();
        for (var lab : s.labs()) {
            junit.put(lab.lab(), "junit/" + file + "/" + lab.lab() + ".xml");
            if (!lab.output().isEmpty()) logs.put(lab.lab(), "logs/" + file + "/" + lab.lab() + ".log");
        }
        return new StudentFiles("feedback/" + file + ".md", "students/" + file + ".html", "gradescope/" + file + "/results.json",
                "classroom50/" + file + "/result.json",
                junit, logs);
    }
}
