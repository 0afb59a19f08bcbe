package ipclab.grader.score;

import java.util.List;
import java.util.Optional;

/** A student's results on the labs graded, in lab order. */
public record StudentGrade(String student, List<LabGrade> labs) {

    public StudentGrade {
        labs = List.copyOf(labs);
    }

    public int points() {
        return labs.stream().mapToInt(LabGrade::points).sum();
    }

    public int maxPoints() {
        return labs.stream().mapToInt(LabGrade::maxPoints).sum();
    }

    public Optional<LabGrade> lab(String name) {
        return labs.stream().filter(l -> l.lab().equals(name)).findFirst();
    }
}
