package ipclab.ipc;

/**
 * Something went wrong with an operating-system IPC object. The message is written for the
 * person running the program: it says what happened and, where it can, what to do about it.
 * Lab programs turn it into one {@code error: } line (see {@link Cli}).
 *
 * <p>The subclasses name the cases a program may want to handle on its own, for example
 * {@link QueueRemovedException} when a server removed the queue a client was waiting on.
 */
public class IpcException extends RuntimeException {
    public IpcException(String message) {
        super(message);
    }

    public IpcException(String message, Throwable cause) {
        super(message, cause);
    }

    /** There is no message queue with the key: nobody created it, or it was removed. */
    public static final class NoSuchQueueException extends IpcException {
        public NoSuchQueueException(int key) {
            super("no message queue with key " + key);
        }
    }

    /** A queue with the key exists already and the caller asked to create it exclusively. */
    public static final class QueueExistsException extends IpcException {
        public QueueExistsException(int key) {
            super("a message queue with key " + key + " already exists (remove it with: ipcrm -Q " + key + ")");
        }
    }

    /** The queue was removed while this process was using it (or waiting on it). */
    public static final class QueueRemovedException extends IpcException {
        public QueueRemovedException() {
            super("the message queue was removed");
        }
    }

    /** A message is larger than the kernel allows for one message on a queue. */
    public static final class MessageTooLargeException extends IpcException {
        public MessageTooLargeException(long bytes, long limit) {
            super("a message of " + bytes + " bytes is larger than the kernel's limit of " + limit
                    + " bytes per message (kernel.msgmax)");
        }
    }

    /** The object exists but belongs to someone who did not give us access. */
    public static final class PermissionDeniedException extends IpcException {
        public PermissionDeniedException(String what) {
            super("permission denied: " + what);
        }
    }

    /** There is no shared-memory segment at the path. */
    public static final class NoSuchSegmentException extends IpcException {
        public NoSuchSegmentException(java.nio.file.Path path) {
            super("no shared memory segment at " + path);
        }
    }

    /** The calling thread was interrupted while it waited; its interrupt flag is set again. */
    public static final class WaitInterruptedException extends IpcException {
        public WaitInterruptedException() {
            super("interrupted while waiting");
        }
    }
}
