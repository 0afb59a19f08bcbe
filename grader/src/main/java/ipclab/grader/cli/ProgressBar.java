package ipclab.grader.cli;

import java.io.PrintStream;

import ipclab.grader.Grader;
import ipclab.grader.report.ClassTable;
import ipclab.grader.score.LabGrade;

/**
 * Shows grading progress on stderr: a bar redrawn in place on a terminal, one line per finished
 * student x lab elsewhere (a CI log).
 *
 * <pre>
 *   [##########----------]  7/20  ada lab2: 24/24
 * </pre>
 */
final class ProgressBar implements Grader.Progress {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean terminal;
    private int total;
    private int done;
    private final long start = System.nanoTime();

    ProgressBar(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    @Override
    public synchronized void begin(int total) {
        this.total = total;
        if (terminal) draw("");
    }

    @Override
    public synchronized void graded(String student, LabGrade grade) {
        done++;
        String what = ClassTable.summary(student, grade);
        if (terminal) draw(what);
        else out.printf("  [%" + Integer.toString(total).length() + "d/%d] %s%n", done, total, what);
    }

    private void draw(String what) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + seconds + " s  " + what;
        out.print("\r\033[K" + (line.length() > 110 ? line.substring(0, 110) : line));
        out.flush();
    }

    @Override
    public synchronized void end() {
        if (terminal) out.print("\r\033[K");
        out.flush();
    }
}
