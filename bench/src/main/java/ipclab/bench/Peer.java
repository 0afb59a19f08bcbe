package ipclab.bench;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;

import ipclab.ipc.Cli;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.ProcessQueue;
import ipclab.ipc.SharedSegment;

/**
 * The benchmark's other process: a child JVM that answers messages over one mechanism (echoes
 * them, counts them, quits; see {@link Ops}) until told to quit. The benchmark starts it; it
 * creates nothing, so it has nothing to remove.
 *
 * <pre>
 *   Peer pipe                      messages on stdin, answers on stdout
 *   Peer mq KEY                    receives type 1 on the queue KEY, answers type 2
 *   Peer pq KEY                    takes from ProcessQueue KEY, puts on KEY+1
 *   Peer shm PATH CAPACITY         the peer's end of a {@link ShmLink} in the segment at PATH
 * </pre>
 */
public final class Peer {
    private Peer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, "usage: Peer pipe | mq KEY | pq KEY | shm PATH CAPACITY").positional(1, 3);
            try (Link link = open(args)) {
                Ops.serve(link);
            }
            return Cli.OK;
        });
    }

    private static Link open(Cli.Args args) {
        return switch (args.get(0)) {
            case "pipe" -> new PipeLink(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
            case "mq" -> new QueueLink(MessageQueue.open(Cli.parseKey(args.get(1))), QueueLink.TO_BENCH, QueueLink.TO_PEER);
            case "pq" -> {
                int key = Cli.parseKey(args.get(1));
                yield new ProcessQueueLink(ProcessQueue.open(key + 1), ProcessQueue.open(key));
            }
            case "shm" -> ShmLink.peer(SharedSegment.open(Path.of(args.get(1))),
                    (int) Cli.integer(args.get(2), "capacity", 1, Integer.MAX_VALUE));
            default -> throw new Cli.UsageException(args.usage());
        };
    }
}
