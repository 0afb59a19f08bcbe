package ipclab.queues;

/**
 * A worker process of a {@link ProcessPool} died (it was killed, or its JVM exited) while the
 * pool needed it. The task it held is lost with it, so the call cannot complete. Given: do not
 * change.
 */
public class WorkerDiedException extends RuntimeException {
    public WorkerDiedException(String message) {
        super(message);
    }
}
