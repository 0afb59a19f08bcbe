package ipclab.bench;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import ipclab.ipc.Address;
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
 *   Peer socket ADDRESS            connects to unix:PATH or tcp:HOST:PORT, framed as a pipe
 *   Peer connection ADDRESS KEYFILE   Lab 5's Client.connect (Lab 5 on the class path); KEYFILE - : no authkey
 * </pre>
 */
public final class Peer {
    private Peer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args
                    .parse(argv, "usage: Peer pipe | mq KEY | pq KEY | shm PATH CAPACITY | socket ADDRESS | connection ADDRESS KEYFILE")
                    .positional(1, 3);
            try (Link link = open(args)) {
                Ops.serve(link);
            }
            return Cli.OK;
        });
    }

    private static Link open(Cli.Args args) throws IOException {
        return switch (args.get(0)) {
            case "pipe" -> new PipeLink(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
            case "mq" -> new QueueLink(MessageQueue.open(Cli.parseKey(args.get(1))), QueueLink.TO_BENCH, QueueLink.TO_PEER);
            case "pq" -> {
                int key = Cli.parseKey(args.get(1));
                yield new ProcessQueueLink(ProcessQueue.open(key + 1), ProcessQueue.open(key));
            }
            case "shm" -> ShmLink.peer(SharedSegment.open(Path.of(args.get(1))),
                    (int) Cli.integer(args.get(2), "capacity", 1, Integer.MAX_VALUE));
            case "socket" -> {
                var channel = SocketChannel.open(Address.parse(args.get(1)));
                if (channel.getRemoteAddress() instanceof InetSocketAddress) channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                yield new PipeLink(Channels.newInputStream(channel), Channels.newOutputStream(channel));
            }
            case "connection" -> {
                byte[] authkey = args.get(2).equals("-") ? null : Files.readAllBytes(Path.of(args.get(2)));
                yield ConnectionLink.of(ConnectionLink.connect(Peer.class.getClassLoader(), Address.parse(args.get(1)), authkey));
            }
            default -> throw new Cli.UsageException(args.usage());
        };
    }
}
