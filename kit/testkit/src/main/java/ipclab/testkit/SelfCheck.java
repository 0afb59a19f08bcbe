package ipclab.testkit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The student's self-check: after {@code ./mvnw test}, each lab prints a short table of its
 * public tests, passed or failed, the points earned of the public points, how many more points
 * the hidden tests grade, and for each failure its first message line, a hint when the failure
 * is one the lab's hints recognise, and the command that runs it alone. The hints are the lab's {@link Hints}
 * ({@value Hints#FILE} on the test classpath). With
 * {@code $GITHUB_STEP_SUMMARY} set (a GitHub Actions job) it also appends the table there, in
 * Markdown.
 *
 * <p>JUnit finds it through {@code META-INF/services} in every JVM that runs a lab's tests with
 * listener auto-registration (surefire does; the grader's harness does not). Surefire keeps the
 * tests' own output in files ({@code redirectTestOutputToFile}), so the table goes straight to
 * the JVM's standard error, which Maven shows. The lab's name and its hidden points come from
 * {@value #DATA} in the lab's test resources ({@code lab=…}, {@code hidden.points=…}); a run
 * without it (the kit's own modules, a solution's module, which runs the hidden tests too) prints
 * nothing.
 */
public final class SelfCheck implements TestExecutionListener {
    static final String DATA = "ipclab-selfcheck.properties";

    private final Map<String, SelfCheckTable.Row> rows = new LinkedHashMap<>();
    private final Map<String, String> containerFailures = new LinkedHashMap<>();
    private final PrintStream out;
    private final String summary;
    private final Properties data;
    private final Hints hints;

    /** As JUnit makes it: the table on this JVM's standard error, the job summary where GitHub says. */
    public SelfCheck() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), System.getenv("GITHUB_STEP_SUMMARY"),
                data(), Hints.onClasspath());
    }

    SelfCheck(PrintStream out, String summary, Properties data, Hints hints) {
        this.out = out;
        this.summary = summary;
        this.data = data;
        this.hints = hints;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        rows.clear();
        containerFailures.clear();
        for (var root : plan.getRoots()) {
            for (var id : plan.getDescendants(root)) {
                if (!(id.getSource().orElse(null) instanceof MethodSource method)) continue;
                var parent = plan.getParent(id).flatMap(TestIdentifier::getSource).orElse(null);
                if (parent instanceof MethodSource same && key(same).equals(key(method))) continue;
                rows.putIfAbsent(key(method), new SelfCheckTable.Row(method.getClassName(), method.getMethodName(),
                        id.getDisplayName(), Scoring.points(method), SelfCheckTable.Outcome.NOT_RUN, "", ""));
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        var source = id.getSource().orElse(null);
        String message = result.getThrowable().map(SelfCheckTable::firstLine).orElse("");
        if (!(source instanceof MethodSource method)) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && source != null)
                containerFailures.put(source.toString(), message);
            return;
        }
        String hint = result.getThrowable().flatMap(t -> hints.hintFor(id.getDisplayName(), describe(t))).orElse("");
        rows.computeIfPresent(key(method), (k, row) -> row.with(result.getStatus(), message, hint));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (rows.isEmpty() || !data.containsKey("lab")) return;
        String lab = data.getProperty("lab").strip();
        int hidden = Integer.parseInt(data.getProperty("hidden.points", "0").strip());
        String why = containerFailures.values().stream().filter(m -> !m.isBlank()).findFirst().orElse("");
        var table = new SelfCheckTable(lab, rows.values().stream().map(r -> r.notRunBecause(why)).toList(), hidden);
        out.print(table.text());
        out.flush();
        if (summary != null && !summary.isBlank()) {
            try {
                Files.writeString(Path.of(summary), table.markdown(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                out.println("(could not write the job summary " + summary + ": " + e.getMessage() + ")");
            }
        }
    }

    /** A failure as the hints see it: each exception of the chain, its class and its whole message. */
    static String describe(Throwable t) {
        var text = new StringBuilder();
        for (Throwable c = t; c != null && text.length() < 100_000; c = c.getCause() == c ? null : c.getCause()) {
            text.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static String key(MethodSource m) {
        return m.getClassName() + "#" + m.getMethodName();
    }

    static Properties data() {
        var properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DATA)) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            // no data: the table goes without the hidden line
        }
        return properties;
    }
}
