package ipclab.testkit;

import java.util.List;

import org.assertj.core.api.AbstractAssert;

/**
 * The program contract every lab keeps (shared/LABS.md, "Conventions for every program"), as
 * AssertJ assertions on a finished run, the same in every lab's tests:
 *
 * <pre>{@code
 * import static ipclab.testkit.ProgramAssert.assertThat;
 *
 * assertThat(lab.program(TimeServer.class).args("--key").run(LIMIT)).refusedWithUsage();
 * assertThat(run).failedWith("error: no time server is running on key " + key);
 * assertThat(run).succeeded().printed("0 1 1 2 3\n");
 * assertThat(lab).leftNothingBehind();
 * }</pre>
 *
 * Bad arguments: exit status 2, nothing on stdout, the first stderr line starts with
 * {@code usage: } or {@code error: }, and at most {@value #MAX_USAGE_LINES} lines in all (a usage
 * line after an error line is fine). A runtime failure: exit status 1, the first stderr line starts
 * with {@code error: }. Neither ever shows a stack trace.
 */
public final class ProgramAssert extends AbstractAssert<ProgramAssert, RunningProgram.Result> {
    /** How many stderr lines a refusal of bad arguments may print. */
    public static final int MAX_USAGE_LINES = 5;

    private ProgramAssert(RunningProgram.Result actual) {
        super(actual, ProgramAssert.class);
    }

    public static ProgramAssert assertThat(RunningProgram.Result run) {
        return new ProgramAssert(run);
    }

    /** Assertions on what a test's programs left behind. */
    public static LabAssert assertThat(Lab lab) {
        return new LabAssert(lab);
    }

    /** Exit status 2, nothing on stdout, a first stderr line starting {@code usage: } or {@code error: }, a few lines at most. */
    public ProgramAssert refusedWithUsage() {
        isNotNull();
        if (actual.status() != 2)
            failWithMessage("expected bad arguments to end with exit status 2, but it was %s%s", actual.status(), shown());
        if (!actual.stdout().isEmpty()) failWithMessage("expected nothing on stdout for bad arguments%s", shown());
        var lines = actual.stderrLines();
        if (lines.isEmpty() || !(lines.getFirst().startsWith("usage: ") || lines.getFirst().startsWith("error: "))) {
            failWithMessage("expected the first line on stderr to start with 'usage: ' or 'error: '%s", shown());
        }
        if (lines.size() > MAX_USAGE_LINES) {
            failWithMessage("expected at most %s lines on stderr for bad arguments, but there were %s%s", MAX_USAGE_LINES, lines.size(),
                    shown());
        }
        return noStackTrace();
    }

    /** Like {@link #refusedWithUsage()}, and the message says this (e.g. the range {@code 0} and {@code 93}). */
    public ProgramAssert refusedWithUsage(String... mentions) {
        refusedWithUsage();
        String first = actual.stderrLines().getFirst();
        for (String m : mentions) {
            if (!actual.stderr().contains(m)) failWithMessage("expected the message to mention '%s', but it said '%s'", m, first);
        }
        return this;
    }

    /** Exit status 1 with a first stderr line that starts with {@code errorLine} (e.g. {@code "error: the pipe was closed"}). */
    public ProgramAssert failedWith(String errorLine) {
        isNotNull();
        if (actual.status() != 1) failWithMessage("expected exit status 1 (a runtime failure), but it was %s%s", actual.status(), shown());
        var lines = actual.stderrLines();
        if (lines.isEmpty() || !lines.getFirst().startsWith(errorLine)) {
            failWithMessage("expected the first line on stderr to start with '%s'%s", errorLine, shown());
        }
        return noStackTrace();
    }

    /** Exit status 0. */
    public ProgramAssert succeeded() {
        isNotNull();
        if (actual.status() != 0) failWithMessage("expected exit status 0, but it was %s%s", actual.status(), shown());
        return this;
    }

    /** Exactly this on stdout. */
    public ProgramAssert printed(String stdout) {
        isNotNull();
        if (!actual.stdout().equals(stdout))
            failWithMessage("expected stdout to be%n  %s%nbut it was%n  %s", quote(stdout), quote(actual.stdout()));
        return this;
    }

    /** No Java stack trace on stderr (an error is one line for the user, not a trace for the programmer). */
    public ProgramAssert noStackTrace() {
        boolean trace = actual.stderrLines().stream()
                .anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in thread") || l.startsWith("Caused by: "));
        if (trace) failWithMessage("expected no stack trace on stderr (report the error in one 'error: ' line)%s", shown());
        return this;
    }

    /** What the program printed, for a message; an argument of the message's format, so its lines end in plain newlines. */
    private String shown() {
        return "\n  stdout: " + quote(actual.stdout()) + "\n  stderr: " + quote(actual.stderr());
    }

    private static String quote(String text) {
        if (text.isEmpty()) return "(nothing)";
        String cut = text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
        return cut.strip().replace("\n", "\n          ");
    }

    /** What a test's programs left behind: processes, queues in its key blocks, segments, FIFOs. */
    public static final class LabAssert extends AbstractAssert<LabAssert, Lab> {
        private LabAssert(Lab lab) {
            super(lab, LabAssert.class);
        }

        /** Nothing the programs made is left now (the test ends clean; the Lab checks again after it). */
        public LabAssert leftNothingBehind() {
            isNotNull();
            List<String> left = actual.leftovers();
            if (!left.isEmpty())
                failWithMessage("expected the programs to leave nothing behind, but these are left:%n  %s",
                        String.join("\n  ", left));
            return this;
        }
    }
}
