package ipclab.bench;

import java.time.Duration;
import java.util.Optional;

import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;

/**
 * Messages over one System V queue through the kit's {@link MessageQueue}, told apart by type
 * as the course's time server does: the benchmark sends type 1 and receives type 2, the peer the
 * other way round. One message holds at most {@code kernel.msgmax} bytes (8192 here).
 */
final class QueueLink implements Link {
    static final long TO_PEER = 1;
    static final long TO_BENCH = 2;

    private final MessageQueue queue;
    private final long sendType;
    private final long receiveType;

    QueueLink(MessageQueue queue, long sendType, long receiveType) {
        this.queue = queue;
        this.sendType = sendType;
        this.receiveType = receiveType;
    }

    @Override
    public void send(byte[] message) {
        queue.send(sendType, message);
    }

    @Override
    public Optional<byte[]> poll(Duration timeout) {
        return queue.receive(receiveType, timeout).map(Message::payload);
    }
}
