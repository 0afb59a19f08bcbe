package ipclab.grader.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ipclab.grader.score.StudentGrade;

/**
 * Everything one grading of a class produced, for the reports: the labs (name to maximum
 * points), every student's grades, and how the runs were isolated.
 */
public record ClassResult(Map<String, Integer> labs, List<StudentGrade> students, String sandbox, String graderVersion, Instant when) {
}
