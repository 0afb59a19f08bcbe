package ipclab.ipc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A System V message queue: a kernel object, named by an integer key, that holds typed messages
 * until someone receives them. It outlives the process that made it: whoever creates a queue
 * must {@link #remove()} it ({@code ipcs -q} lists the queues alive, {@code ipcrm -Q KEY} removes
 * one by hand). This is the Java face of the course's {@code sysv_ipc.MessageQueue}, and speaks
 * the same bytes, so a Java program and a Python one can share a queue.
 *
 * <pre>{@code
 * try (var queue = MessageQueue.create(128)) {       // open, or create with mode 0600
 *     queue.send(1, "42");
 *     Message m = queue.receive(0);                   // the first message of any type
 * }                                                   // close() does NOT remove the queue
 * }</pre>
 *
 * <p>Receiving by type, as {@code msgrcv(2)} does: {@code 0} takes the oldest message;
 * {@code t > 0} the oldest of type t; {@code t < 0} the oldest of the lowest type ≤ |t|.
 *
 * <p>A message as the kernel sees it ({@code struct msgbuf}):
 * <pre>
 *  0                    8                                 8 + n
 *  +--------------------+---------------------------------+
 *  | mtype (C long > 0) | mtext: n payload bytes          |
 *  +--------------------+---------------------------------+
 * </pre>
 *
 * <p>Waiting: {@code receive} and a {@code send} to a full queue wait inside the kernel, which
 * wakes them the moment a message (or room) arrives, as {@code sysv_ipc} does: one system call,
 * nothing else. Yet every wait ends at its time limit and when the thread is interrupted
 * ({@link IpcException.WaitInterruptedException}, also if the thread was interrupted before the
 * call), so nothing blocks forever in native code (see {@code KernelWait}; where that is not
 * available, the wait polls, see {@code Backoff}). Errors are {@link IpcException}s that say
 * what happened. Instances are safe to use from several threads.
 */
public final class MessageQueue implements AutoCloseable {
    /** The course's key. */
    public static final int DEFAULT_KEY = 128;

    private static final Platform P = Platform.CURRENT;
    private static final int MODE = 0600;
    private static final long TYPE_BYTES = JAVA_LONG.byteSize();

    private final int key;
    private final int id;

    private MessageQueue(int key, int id) {
        this.key = key;
        this.id = id;
    }

    /** Opens the queue with this key, creating it (mode 0600) if there is none. */
    public static MessageQueue create(int key) {
        return get(key, P.ipcCreat() | MODE);
    }

    /** Creates a new queue with this key (mode 0600); {@link IpcException.QueueExistsException} if one exists. */
    public static MessageQueue createExclusive(int key) {
        return get(key, P.ipcCreat() | P.ipcExcl() | MODE);
    }

    /** Opens the existing queue with this key; {@link IpcException.NoSuchQueueException} if there is none. */
    public static MessageQueue open(int key) {
        return get(key, 0);
    }

    /** Whether a queue with this key exists now. */
    public static boolean exists(int key) {
        try {
            open(key);
            return true;
        } catch (IpcException.NoSuchQueueException e) {
            return false;
        }
    }

    /** Removes the queue with this key if there is one; true if one was removed. */
    public static boolean removeIfExists(int key) {
        try {
            open(key).remove();
            return true;
        } catch (IpcException.NoSuchQueueException e) {
            return false;
        }
    }

    private static MessageQueue get(int key, int flags) {
        if (key == 0) throw new IllegalArgumentException("key 0 is IPC_PRIVATE: choose a key other processes can name");
        try (var arena = Arena.ofConfined()) {
            var state = Libc.newCallState(arena);
            int id = Libc.msgget(state, key, flags);
            if (id >= 0) return new MessageQueue(key, id);
            int errno = Libc.errno(state);
            if (errno == P.enoent()) throw new IpcException.NoSuchQueueException(key);
            if (errno == P.eexist()) throw new IpcException.QueueExistsException(key);
            if (errno == P.eacces())
                throw new IpcException.PermissionDeniedException("the message queue with key " + key + " belongs to another user");
            throw failure("msgget for key " + key, errno);
        }
    }

    public int key() {
        return key;
    }

    /** The kernel's id of the queue, as {@code ipcs -q} shows it in the msqid column. */
    public int id() {
        return id;
    }

    /** Sends a message, waiting while the queue is full. */
    public void send(long type, byte[] payload) {
        send(type, payload, true);
    }

    /** Sends UTF-8 text, waiting while the queue is full. */
    public void send(long type, String text) {
        send(type, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Sends a message if the queue has room now; false if it is full. */
    public boolean trySend(long type, byte[] payload) {
        return send(type, payload, false);
    }

    private boolean send(long type, byte[] payload, boolean block) {
        if (type <= 0) throw new IllegalArgumentException("a message type must be positive, got " + type);
        long limit = maxMessageBytes();
        if (payload.length > limit) throw new IpcException.MessageTooLargeException(payload.length, limit);
        var call = CallBuffers.ofThisThread();
        var message = call.message(payload.length);
        message.set(JAVA_LONG, 0, type);
        MemorySegment.copy(payload, 0, message, JAVA_BYTE, TYPE_BYTES, payload.length);
        int errno;
        if (!block) {
            errno = sendOnce(call, payload.length, P.ipcNowait());
        } else if (KernelWait.usable()) {
            try (var wait = KernelWait.untilInterrupted()) {
                do {
                    if (wait.interrupted()) throw new IpcException.WaitInterruptedException();
                    errno = sendOnce(call, payload.length, 0);             // blocks while the queue is full
                } while (errno == P.eintr());
            }
        } else {
            var backoff = new Backoff();
            while ((errno = sendOnce(call, payload.length, P.ipcNowait())) == P.eagain()) backoff.pause();
        }
        if (errno == 0) return true;
        if (errno == P.eagain()) return false;                              // full, and we asked not to wait
        throw operationFailure("msgsnd", errno, payload.length);
    }

    /** One {@code msgsnd} of the message in the thread's buffer: 0, or errno. */
    private int sendOnce(CallBuffers call, long textBytes, int flags) {
        return Libc.msgsnd(call.state, id, call.message, textBytes, flags) == 0 ? 0 : Libc.errno(call.state);
    }

    /** Receives the next message of this type (see the class comment), waiting for one as long as it takes. */
    public Message receive(long type) {
        return receive(type, Long.MAX_VALUE).orElseThrow();
    }

    /** Receives the next message of this type, waiting at most the timeout; empty if none came. */
    public Optional<Message> receive(long type, Duration timeout) {
        return receive(type, timeout.toNanos());
    }

    /** Receives the next message of this type if one is waiting now. */
    public Optional<Message> tryReceive(long type) {
        return receive(type, 0);
    }

    private Optional<Message> receive(long type, long timeoutNanos) {
        var call = CallBuffers.ofThisThread();
        if (timeoutNanos == 0) return received(call, receiveOnce(call, type, P.ipcNowait()));
        long deadline = System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 4);
        long n;
        if (KernelWait.usable()) {
            try (var wait = KernelWait.until(deadline)) {
                while (true) {
                    if (wait.interrupted()) throw new IpcException.WaitInterruptedException();
                    n = receiveOnce(call, type, 0);                         // blocks until a message comes
                    if (n != -P.eintr()) break;
                    if (wait.expired()) return Optional.empty();
                }
            }
        } else {
            var backoff = new Backoff();
            while ((n = receiveOnce(call, type, P.ipcNowait())) == -P.enomsg() || n == -P.eagain()) {
                if (!backoff.pauseUntil(deadline)) return Optional.empty();
            }
        }
        return received(call, n);
    }

    /** One {@code msgrcv} into the thread's buffer: the payload's length, or minus errno. */
    private long receiveOnce(CallBuffers call, long type, int flags) {
        while (true) {
            long n = Libc.msgrcv(call.state, id, call.message, call.textCapacity(), type, flags);
            if (n >= 0) return n;
            int errno = Libc.errno(call.state);
            if (errno != P.e2big()) return -errno;
            call.message(2 * call.textCapacity());  // the limit was raised after we read it: make room and try again
        }
    }

    private Optional<Message> received(CallBuffers call, long n) {
        if (n >= 0) {
            var payload = new byte[(int) n];
            MemorySegment.copy(call.message, JAVA_BYTE, TYPE_BYTES, payload, 0, payload.length);
            return Optional.of(new Message(call.message.get(JAVA_LONG, 0), payload));
        }
        int errno = (int) -n;
        if (errno == P.enomsg() || errno == P.eagain()) return Optional.empty();  // nothing there, and we asked not to wait
        throw operationFailure("msgrcv", errno, 0);
    }

    /**
     * What every send and receive of one thread reuses: the segment the call's errno is captured
     * in, and one message buffer ({@code struct msgbuf} with room for {@code kernel.msgmax}
     * bytes). A new arena per call would cost more than the system call itself in a child JVM,
     * whose JIT compiler is the quick one (C1). Freed by the garbage collector with the thread.
     */
    private static final class CallBuffers {
        private static final ThreadLocal<CallBuffers> OF_THREAD = ThreadLocal.withInitial(CallBuffers::new);

        private final Arena arena = Arena.ofAuto();
        final MemorySegment state = Libc.newCallState(arena);
        MemorySegment message = arena.allocate(TYPE_BYTES + maxMessageBytes(), TYPE_BYTES);

        static CallBuffers ofThisThread() {
            return OF_THREAD.get();
        }

        long textCapacity() {
            return message.byteSize() - TYPE_BYTES;
        }

        /** The message buffer, made larger first if it has less room than {@code textBytes}. */
        MemorySegment message(long textBytes) {
            if (textBytes > textCapacity()) message = arena.allocate(TYPE_BYTES + textBytes, TYPE_BYTES);
            return message;
        }
    }

    /** How many messages are waiting in the queue now. */
    public long size() {
        try (var arena = Arena.ofConfined()) {
            var state = Libc.newCallState(arena);
            var stats = arena.allocate(P.msqidDs());
            if (Libc.msgctl(state, id, P.ipcStat(), stats) != 0) {
                throw operationFailure("msgctl(IPC_STAT)", Libc.errno(state), 0);
            }
            return stats.get(JAVA_LONG, P.msgQnumOffset());
        }
    }

    /**
     * Waits until the queue holds no message (others took them all), at most {@code atMost}: true
     * when it is empty or was removed, false when the time ran out. System V wakes nobody when a
     * queue becomes empty, so this looks at {@link #size()} again after each pause of the kit's
     * backoff (a millisecond at most).
     */
    public boolean awaitEmpty(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        var backoff = new Backoff();
        try {
            while (size() > 0) {
                if (!backoff.pauseUntil(deadline)) return false;
            }
            return true;
        } catch (IpcException.QueueRemovedException e) {
            return true;
        }
    }

    /** Whether the queue still exists in the kernel. */
    public boolean isAlive() {
        try {
            size();
            return true;
        } catch (IpcException.QueueRemovedException e) {
            return false;
        }
    }

    /** Removes the queue from the kernel; every process waiting on it gets a {@link IpcException.QueueRemovedException}. Does nothing if it is gone already. */
    public void remove() {
        try (var arena = Arena.ofConfined()) {
            var state = Libc.newCallState(arena);
            if (Libc.msgctl(state, id, P.ipcRmid(), MemorySegment.NULL) != 0) {
                int errno = Libc.errno(state);
                if (errno != P.einval() && errno != P.eidrm()) throw operationFailure("msgctl(IPC_RMID)", errno, 0);
            }
        }
    }

    /** Forgets this handle; the queue stays in the kernel (use {@link #remove()} for that). */
    @Override
    public void close() {
    }

    /** The largest payload the kernel accepts in one message ({@code kernel.msgmax} on Linux). */
    public static long maxMessageBytes() {
        return Limits.MSGMAX;
    }

    private static final class Limits {
        static final long MSGMAX = read();

        private static long read() {
            // Files.readString reads a /proc file as if it were as long as it says (a few bytes): read a stream.
            try (var in = Files.newInputStream(Path.of("/proc/sys/kernel/msgmax"))) {
                return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
            } catch (IOException | NumberFormatException | SecurityException e) {
                return P.defaultMsgMax();
            }
        }
    }

    private IpcException operationFailure(String call, int errno, long bytes) {
        // A queue removed while we waited gives EIDRM; one removed before the call gives EINVAL.
        if (errno == P.eidrm() || errno == P.einval()) return new IpcException.QueueRemovedException();
        if (errno == P.eacces()) return new IpcException.PermissionDeniedException("the message queue with key " + key);
        if (errno == P.e2big()) return new IpcException.MessageTooLargeException(bytes, maxMessageBytes());
        return failure(call + " on the queue with key " + key, errno);
    }

    private static IpcException failure(String what, int errno) {
        return new IpcException(what + " failed: " + Libc.describe(errno));
    }

    @Override
    public String toString() {
        return "MessageQueue[key=" + key + ", id=" + id + "]";
    }
}
