package ipclab.grader.harness;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The main class of the test JVM the grader starts for one student x lab (inside the sandbox).
 *
 * <pre>
 *   stdin  (from the grader, then closed):  line 1   the run's key, 64 hex digits
 *                                           lines 2… what to run: "class &lt;name&gt;" or "uid &lt;unique id&gt;",
 *                                                    and "threads &lt;n&gt;": how many tests run at once (default 1)
 *   stdout (to the grader, the results):    one signed line per event, see {@link Channel}
 *   stderr                                  everything the tests and the student's code print
 * </pre>
 *
 * <p>The order matters: the key is read and stdin closed before any test or student class is
 * loaded, {@code System.out} is pointed at stderr so that nothing printed lands on the results
 * channel, and the process is made non-dumpable so that the programs the tests start (same user)
 * cannot read this JVM's memory through {@code /proc}. At the end the harness halts: no shutdown
 * hook of the student's can run after it, nor keep the JVM alive.
 */
public final class Harness {
    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        byte[] key = HexFormat.of().parseHex(stdin.readLine().strip());
        var selectors = new ArrayList<DiscoverySelector>();
        int threads = 1;
        for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
            if (line.startsWith("class ")) selectors.add(selectClass(line.substring(6)));
            else if (line.startsWith("uid ")) selectors.add(selectUniqueId(line.substring(4)));
            else if (line.startsWith("threads ")) threads = Math.clamp(Integer.parseInt(line.substring(8).strip()), 1, 64);
        }
        System.in.close();
        makeNonDumpable();

        var channel = new Channel(new FileOutputStream(FileDescriptor.out), key);
        java.util.Arrays.fill(key, (byte) 0);
        System.setOut(System.err);
        channel.send("ready");

        var launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        var request = request().selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                // The tests of a lab wait mostly for the programs they start: run several at once, each
                // in its own thread (a class marked @Isolated or with a @ResourceLock still runs alone).
                .configurationParameter("junit.jupiter.execution.parallel.enabled", Boolean.toString(threads > 1))
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(threads))
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", Integer.toString(threads))
                // A test stuck in an uninterruptible wait still fails at its @Timeout, and the run goes on.
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        try {
            launcher.execute(request, new Reporter(channel));
            channel.send("done");
        } catch (Throwable e) {
            System.err.println("harness: " + e);
        }
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    /** prctl(PR_SET_DUMPABLE, 0): other processes of this user may no longer read our memory or ptrace us. */
    @SuppressWarnings("restricted")
    private static void makeNonDumpable() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) return;
        try {
            var linker = Linker.nativeLinker();
            var prctl = linker.downcallHandle(linker.defaultLookup().find("prctl").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                    Linker.Option.firstVariadicArg(1));
            int rc = (int) prctl.invokeExact(4 /* PR_SET_DUMPABLE */, 0L, 0L, 0L, 0L);
            if (rc != 0) System.err.println("harness: prctl(PR_SET_DUMPABLE) failed");
        } catch (Throwable e) {
            System.err.println("harness: cannot make the test JVM non-dumpable: " + e);
        }
    }
}
