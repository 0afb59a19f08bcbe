package ipclab.grader.harness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit's events into one {@code start} and one {@code end} line per graded test. A graded
 * test is a test method: the identifier with a method source whose parent has none. The cases of
 * a parameterized or repeated test are folded into their method: it passes when every case
 * passes, and its message names the cases that failed. Tests under a class that failed before
 * they could run (a failing {@code @BeforeAll}, a static initializer that throws) are reported
 * failed with the class's error.
 *
 * <p>Tests may run concurrently (JUnit calls a listener from its worker threads): every event is
 * handled under the reporter's lock, so the maps stay whole and each test's lines go out in order.
 */
final class Reporter implements TestExecutionListener {
    private static final int MESSAGE_CAP = 6000;

    private final Channel channel;
    private TestPlan plan;
    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, List<String>> caseFailures = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    Reporter(Channel channel) {
        this.channel = channel;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (!isGraded(id)) return;
        started.put(id.getUniqueId(), System.nanoTime());
        channel.send("start", encode(id.getUniqueId()));
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        for (var graded : gradedAtOrBelow(id)) end(graded, "SKIPPED", "skipped: " + reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        var unit = gradedAtOrAbove(id);
        if (unit.isEmpty()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String why = "could not run: " + id.getDisplayName() + " failed: " + describe(result);
                for (var graded : gradedAtOrBelow(id)) end(graded, "FAILED", why);
            }
            return;
        }
        var graded = unit.get();
        String uid = graded.getUniqueId();
        if (graded != id) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                caseFailures.computeIfAbsent(uid, k -> new ArrayList<>()).add("[" + id.getDisplayName() + "] " + describe(result));
            }
            return;
        }
        var failures = caseFailures.getOrDefault(uid, List.of());
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (failures.isEmpty()) end(graded, "PASSED", "");
                else end(graded, "FAILED", failures.size() + " case(s) failed:\n" + String.join("\n", failures));
            }
            case FAILED -> end(graded, "FAILED", describe(result));
            case ABORTED -> end(graded, "ABORTED", describe(result));
        }
    }

    private void end(TestIdentifier id, String status, String message) {
        String uid = id.getUniqueId();
        if (!reported.add(uid)) return;
        Long start = started.get(uid);
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        if (message.length() > MESSAGE_CAP) message = message.substring(0, MESSAGE_CAP) + "\n…";
        channel.send("end", encode(uid), status, Long.toString(millis), encode(message));
    }

    private boolean isGraded(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource)) return false;
        return plan.getParent(id).flatMap(TestIdentifier::getSource).filter(MethodSource.class::isInstance).isEmpty();
    }

    private Optional<TestIdentifier> gradedAtOrAbove(TestIdentifier id) {
        for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
            if (isGraded(at.get())) return at;
        }
        return Optional.empty();
    }

    private List<TestIdentifier> gradedAtOrBelow(TestIdentifier id) {
        if (isGraded(id)) return List.of(id);
        var found = new ArrayList<TestIdentifier>();
        for (var child : plan.getChildren(id)) found.addAll(gradedAtOrBelow(child));
        return found;
    }

    /** The failure as a student should read it: the exception's message, and where in ipclab code it came from. */
    static String describe(TestExecutionResult result) {
        return result.getThrowable().map(Reporter::describe).orElse(result.getStatus().toString());
    }

    static String describe(Throwable t) {
        var text = new StringBuilder();
        for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
            if (depth > 0) text.append("\ncaused by: ");
            boolean assertion = t instanceof AssertionError;
            String message = t.getMessage();
            text.append(assertion && message != null ? message.strip() : t.toString());
            int frames = 0;
            if (!assertion) {
                for (var frame : t.getStackTrace()) {
                    if (!frame.getClassName().startsWith("ipclab.")) continue;
                    text.append("\n    at ").append(frame);
                    if (++frames == 6) break;
                }
            }
        }
        return text.toString();
    }

    /** Base64url of the text, or "-" for none (base64 never encodes anything as "-"). */
    static String encode(String text) {
        if (text.isEmpty()) return "-";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
