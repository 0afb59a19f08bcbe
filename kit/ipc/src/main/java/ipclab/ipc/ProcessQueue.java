package ipclab.ipc;

import java.time.Duration;
import java.util.Optional;

/**
 * A queue of text messages that any process can use if it knows the key: the kit's answer to
 * the course's {@code multiprocessing.Queue}. Messages come out in the order they were put in
 * (first in, first out) and each is taken by exactly one process. Underneath it is one System V
 * {@link MessageQueue}, every message of type 1; so {@code ipcs -q} shows it, and it lives until
 * the process that created it calls {@link #remove()}.
 *
 * <pre>{@code
 * var tasks = ProcessQueue.create(key);        // in the parent: open or create
 * tasks.put("p1-0");                            // waits while the queue is full (backpressure)
 * String item = ProcessQueue.open(key).take();  // in a child: waits for an item
 * tasks.remove();                               // the creator removes it at the end
 * }</pre>
 *
 * <p>One message holds at most {@link #maxMessageBytes()} bytes of UTF-8 (8192 on a default
 * Linux); a queue holds at most {@code kernel.msgmnb} bytes (16384) before {@code put} waits.
 */
public final class ProcessQueue implements AutoCloseable {
    private static final long TYPE = 1;
    private final MessageQueue queue;

    private ProcessQueue(MessageQueue queue) {
        this.queue = queue;
    }

    /** Opens the queue with this key, creating it if there is none. */
    public static ProcessQueue create(int key) {
        return new ProcessQueue(MessageQueue.create(key));
    }

    /** Opens the existing queue with this key; {@link IpcException.NoSuchQueueException} if there is none. */
    public static ProcessQueue open(int key) {
        return new ProcessQueue(MessageQueue.open(key));
    }

    public int key() {
        return queue.key();
    }

    /** Puts a message at the tail, waiting while the queue is full. */
    public void put(String message) {
        queue.send(TYPE, message);
    }

    /** Takes the message at the head, waiting for one as long as it takes. */
    public String take() {
        return queue.receive(TYPE).text();
    }

    /** Takes the message at the head, waiting at most the timeout; empty if none came. */
    public Optional<String> poll(Duration timeout) {
        return queue.receive(TYPE, timeout).map(Message::text);
    }

    /** How many messages are waiting. */
    public long size() {
        return queue.size();
    }

    /** Removes the queue from the kernel; waiting processes get {@link IpcException.QueueRemovedException}. */
    public void remove() {
        queue.remove();
    }

    /** Forgets this handle; the queue stays (use {@link #remove()}). */
    @Override
    public void close() {
    }

    public static long maxMessageBytes() {
        return MessageQueue.maxMessageBytes();
    }

    @Override
    public String toString() {
        return "ProcessQueue[key=" + queue.key() + "]";
    }
}
