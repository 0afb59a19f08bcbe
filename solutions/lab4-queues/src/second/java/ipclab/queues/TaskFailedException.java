package ipclab.queues;

/**
 * A task threw an exception in its worker process. The worker's message (the exception as the
 * worker saw it) is part of this exception's message; {@link #input()} is the input that failed.
 * The pool that threw it is still usable. Given: do not change.
 */
public class TaskFailedException extends RuntimeException {
    private final String input;

    public TaskFailedException(String input, String workerMessage) {
        super("the task failed on input \"" + input + "\": " + workerMessage);
        this.input = input;
    }

    /** The input the task failed on. */
    public String input() {
        return input;
    }
}
