package ipclab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a lab's tests run: a {@link NamespaceSandbox} on Linux where the kernel allows user
 * namespaces, else a {@link PlainSandbox} with the same time, process and output limits but no
 * isolation (the grader warns once).
 *
 * <p>A box sees the host folders it is given read-only, each at the path {@link #pathOf} says,
 * and a scratch folder where it may write.
 */
public sealed interface Sandbox permits NamespaceSandbox, PlainSandbox {

    /** The best sandbox this machine allows; {@code warn} hears why if it is not the namespace one. */
    static Sandbox detect(Limits limits, java.util.function.Consumer<String> warn) {
        var reason = NamespaceSandbox.unavailableReason(limits);
        if (reason == null) return new NamespaceSandbox(limits);
        warn.accept("warning: running the tests without a namespace sandbox (" + reason + "): time, process and output"
                + " limits still hold, but a submission can see this machine's files, network and IPC objects");
        return new PlainSandbox(limits);
    }

    /**
     * Starts the command. {@code readOnly} maps names to host folders the box sees; {@code mountPoint}
     * is an empty folder the sandbox may use for its root; {@code scratch} is writable.
     */
    Box start(List<String> command, Map<String, Path> readOnly, Path mountPoint, Path scratch, Map<String, String> env) throws IOException;

    /** The path under which the box sees the host folder given under this name. */
    String pathOf(String name, Path host);

    /** The box's temp folder. */
    String tmpDir(Path scratch);

    /** One line for the report: what isolation the runs had. */
    String description();
}
