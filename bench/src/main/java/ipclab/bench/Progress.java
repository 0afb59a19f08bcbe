package ipclab.bench;

import java.io.PrintStream;

/** One short line per finished measurement, so a person watching sees the run move. */
final class Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    static Progress silent() {
        return new Progress(null);
    }

    void say(String line) {
        if (out != null) out.printf("%s  [%.1f s]%n", line, (System.nanoTime() - start) / 1e9);
    }

    Result done(Result r) {
        if (out != null) out.println("  " + Report.oneLine(r));
        return r;
    }
}
