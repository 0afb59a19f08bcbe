package ipclab.timeserver;

import ipclab.ipc.MessageQueue;

/**
 * A message queue the test itself creates, to stand in for a server (or a client) the test
 * controls completely; {@link #close()} removes it, so it is gone even when the test fails.
 */
final class OwnQueue implements AutoCloseable {
    private final MessageQueue queue;

    private OwnQueue(MessageQueue queue) {
        this.queue = queue;
    }

    static OwnQueue create(int key) {
        return new OwnQueue(MessageQueue.createExclusive(key));
    }

    MessageQueue queue() {
        return queue;
    }

    @Override
    public void close() {
        queue.remove();
    }
}
