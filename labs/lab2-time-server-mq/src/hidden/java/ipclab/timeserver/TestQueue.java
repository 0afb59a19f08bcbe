package ipclab.timeserver;

import ipclab.ipc.MessageQueue;

/**
 * A message queue the test itself creates, to stand in for a server (or a client) the test
 * controls completely; {@link #close()} removes it, so it is gone even when the test fails.
 */
final class TestQueue implements AutoCloseable {
    private final MessageQueue queue;

    private TestQueue(MessageQueue queue) {
        this.queue = queue;
    }

    static TestQueue create(int key) {
        return new TestQueue(MessageQueue.createExclusive(key));
    }

    MessageQueue queue() {
        return queue;
    }

    @Override
    public void close() {
        queue.remove();
    }
}
