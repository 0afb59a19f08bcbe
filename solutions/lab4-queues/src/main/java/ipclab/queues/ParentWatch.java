package ipclab.queues;

import ipclab.ipc.Cli;

/**
 * Ends a child JVM when its parent process ends. A parent that exits normally, or on SIGINT or
 * SIGTERM, stops its children itself; one killed with SIGKILL runs no cleanup at all, and its
 * children would wait on their queues for ever. Call it first thing in a child's {@code main}.
 */
final class ParentWatch {
    private ParentWatch() {
    }

    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(Cli.FAILURE)));
    }
}
