package ipclab.bench;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.ProcessQueue;
import ipclab.ipc.SharedSegment;

/**
 * The mechanisms the kit teaches, each able to open a {@link Session}: a peer child JVM and a
 * link to it. {@code python} names the course's equivalent that the report sets beside it.
 */
enum Mechanism {
    PIPE("pipe", "pipe, framed (child's stdin/stdout)", "multiprocessing.Pipe"),
    MQ("mq", "System V queue (MessageQueue)", "sysv_ipc.MessageQueue"),
    PQ("pq", "ProcessQueue", "multiprocessing.Queue"),
    SHM("shm", "shared memory ring (SharedSegment)", "");

    final String id;
    final String label;
    final String python;

    Mechanism(String id, String label, String python) {
        this.id = id;
        this.label = label;
        this.python = python;
    }

    /** The largest message the mechanism carries, or why it carries no larger one. */
    long maxMessageBytes() {
        return switch (this) {
            case MQ, PQ -> MessageQueue.maxMessageBytes();
            case PIPE, SHM -> Long.MAX_VALUE;
        };
    }

    /**
     * Creates what the mechanism needs, starts the peer and connects to it. {@code capacity} is
     * the largest message the session will carry.
     */
    Session open(Resources resources, int capacity) throws IOException {
        return switch (this) {
            case PIPE -> {
                var peer = start(resources, ChildJvm.builder(Peer.class, "pipe"));
                yield new Session(new PipeLink(peer.getInputStream(), peer.getOutputStream()), peer, () -> { });
            }
            case MQ -> {
                int key = resources.freshKeys(1);
                var queue = MessageQueue.createExclusive(key);
                var peer = start(resources, ChildJvm.builder(Peer.class, "mq", Integer.toString(key)));
                yield new Session(new QueueLink(queue, QueueLink.TO_PEER, QueueLink.TO_BENCH), peer, queue::remove);
            }
            case PQ -> {
                int key = resources.freshKeys(2);
                var toPeer = ProcessQueue.create(key);
                var toBench = ProcessQueue.create(key + 1);
                var peer = start(resources, ChildJvm.builder(Peer.class, "pq", Integer.toString(key)));
                yield new Session(new ProcessQueueLink(toPeer, toBench), peer, () -> {
                    toPeer.remove();
                    toBench.remove();
                });
            }
            case SHM -> {
                var path = resources.freshSegment("ring");
                var shm = SharedSegment.create(path, ShmLink.segmentBytes(capacity));
                var peer = start(resources, ChildJvm.builder(Peer.class, "shm", path.toString(), Integer.toString(capacity)));
                yield new Session(ShmLink.bench(shm, capacity), peer, () -> SharedSegment.remove(path));
            }
        };
    }

    private static Process start(Resources resources, ProcessBuilder builder) throws IOException {
        return resources.child(builder.redirectError(Redirect.INHERIT).start());
    }

    /** A link to a running peer; closing it tells the peer to quit, waits for it, and removes what the session created. */
    record Session(Link link, Process peer, Runnable removal) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                if (peer.isAlive()) link.send(Ops.message(Ops.QUIT, 1));
                if (!peer.waitFor(10, TimeUnit.SECONDS)) peer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                peer.destroyForcibly();
            } finally {
                try {
                    link.close();
                } finally {
                    removal.run();
                }
            }
        }
    }
}
