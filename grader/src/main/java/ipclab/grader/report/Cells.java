package ipclab.grader.report;

import ipclab.grader.score.LabGrade;

/** How a lab's result reads in a table cell and in words. */
final class Cells {
    private Cells() {
    }

    /** Marks the points of a lab with a test whose verdict differed between the runs of {@code --repeat}. */
    static final String UNSTABLE = "~";

    /** Points (marked {@value #UNSTABLE} if a test was unstable), or a word for a lab that was not graded. */
    static String cell(LabGrade g) {
        return switch (g.status()) {
            case GRADED -> g.points() + (g.unstableTests().isEmpty() ? "" : UNSTABLE);
            case NOT_SUBMITTED -> "-";
            case UNCHANGED -> "starter";
            case NOT_COMPILED -> "javac";
            case GRADER_ERROR -> "ERROR";
        };
    }

    /** The short name of a lab: {@code lab1-fibonacci-shm} reads {@code lab1}. */
    static String shortName(String lab) {
        int dash = lab.indexOf('-');
        return dash > 0 ? lab.substring(0, dash) : lab;
    }
}
