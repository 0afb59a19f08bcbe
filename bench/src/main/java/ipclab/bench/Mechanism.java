package ipclab.bench;

import java.io.Closeable;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ipclab.ipc.Address;
import ipclab.ipc.ChildJvm;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.ProcessQueue;
import ipclab.ipc.SharedSegment;

/**
 * The mechanisms the kit teaches, each able to open a {@link Session}: a peer child JVM and a
 * link to it. {@code python} names the course's equivalent that the report sets beside it. The
 * socket ones listen here (a UNIX socket in the run's temp folder, or TCP on 127.0.0.1, port 0)
 * and the peer connects; the listening socket is closed, and its file removed, once it has.
 */
enum Mechanism {
    PIPE("pipe", "pipe, framed (child's stdin/stdout)", "multiprocessing.Pipe"),
    MQ("mq", "System V queue (MessageQueue)", "sysv_ipc.MessageQueue"),
    PQ("pq", "ProcessQueue", "multiprocessing.Queue"),
    SHM("shm", "shared memory ring (SharedSegment)", ""),
    UNIX("unix", "UNIX stream socket, framed", "socket AF_UNIX, framed"),
    TCP("tcp", "TCP on 127.0.0.1, framed", "socket AF_INET, framed"),
    CONN("conn", "Connection (Lab 5), UNIX, no authkey", "mp.connection, no key"),
    CONN_AUTH("conn-auth", "Connection (Lab 5), UNIX, authkey", "mp.connection, authkey");

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
            case PIPE, SHM, UNIX, TCP, CONN, CONN_AUTH -> Long.MAX_VALUE;
        };
    }

    /** Whether it measures Lab 5's code (which must be built: {@link LabCode#lab5()}). */
    boolean needsLab5() {
        return this == CONN || this == CONN_AUTH;
    }

    /**
     * Creates what the mechanism needs, starts the peer and connects to it. {@code capacity} is
     * the largest message the session will carry.
     */
    Session open(Resources resources, int capacity) throws IOException {
        return switch (this) {
            case PIPE -> {
                var peer = start(resources, ChildJvm.builder(Peer.class, "pipe"));
                yield new Session(new PipeLink(peer.getInputStream(), peer.getOutputStream()), peer, () -> {});
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
            case UNIX, TCP -> {
                SocketAddress address = this == UNIX ? UnixDomainSocketAddress.of(resources.tempDir().resolve("bench.sock"))
                        : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
                try (var server = ServerSocketChannel.open(this == UNIX ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET)) {
                    server.bind(address);
                    var peer = start(resources, ChildJvm.builder(Peer.class, "socket", Address.format(server.getLocalAddress())));
                    SocketChannel channel = accepted(server::accept, server, peer);
                    if (this == TCP) channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    yield new Session(new PipeLink(Channels.newInputStream(channel), Channels.newOutputStream(channel)), peer, () -> {});
                } finally {
                    if (address instanceof UnixDomainSocketAddress unix) Files.deleteIfExists(unix.getPath());
                }
            }
            case CONN, CONN_AUTH -> {
                var lab5 = LabCode.lab5().orElseThrow(() -> new IOException("Lab 5 is not built"));
                var address = UnixDomainSocketAddress.of(resources.tempDir().resolve("bench-conn.sock"));
                byte[] authkey = null;
                String keyFile = "-";
                if (this == CONN_AUTH) {
                    authkey = new byte[32];
                    new SecureRandom().nextBytes(authkey);
                    keyFile = Files.write(resources.tempDir().resolve("authkey"), authkey).toString();
                }
                var loader = lab5.loader();
                Object listener = ConnectionLink.listen(loader, address, authkey);
                try {
                    var peer = start(resources, new ProcessBuilder(lab5.command(Peer.class.getName(),
                            List.of("connection", Address.format(address), keyFile))));
                    var link = ConnectionLink.of(
                            accepted(() -> ConnectionLink.call(listener, "accept"), () -> ConnectionLink.call(listener, "close"), peer));
                    yield new Session(link, peer, () -> {
                        try {
                            loader.close();
                        } catch (IOException e) {
                            // its jars stay open until the JVM exits: harmless
                        }
                    });
                } finally {
                    ConnectionLink.call(listener, "close");  // removes the socket file; the connection stays
                }
            }
        };
    }

    /** A task that may throw, such as an {@code accept}. */
    interface Blocking<T> {
        T call() throws IOException;
    }

    /**
     * The connection {@code accept} returns once the peer connects; if the peer exits first or does
     * not connect within {@link Link#PATIENCE}, {@code server} is closed (which ends the accept) and
     * the failure says why.
     */
    private static <T> T accepted(Blocking<T> accept, Closeable server, Process peer) throws IOException {
        var result = new CompletableFuture<T>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(accept.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        peer.onExit().thenRun(() -> result.completeExceptionally(
                new IOException("the peer exited with status " + peer.exitValue() + " before it connected")));
        try {
            return result.get(Link.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            server.close();
            throw new IOException("the peer did not connect within " + Link.PATIENCE.toSeconds() + " s");
        } catch (ExecutionException e) {
            server.close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IOException("interrupted while waiting for the peer to connect", e);
        }
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
