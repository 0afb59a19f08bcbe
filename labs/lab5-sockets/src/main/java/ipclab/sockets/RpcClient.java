package ipclab.sockets;

import java.io.UncheckedIOException;
import java.net.SocketAddress;

/**
 * The client half of a remote object: a proxy that implements an interface by sending each call
 * to an {@link RpcServer} as a JSON-RPC 2.0 request and returning the result that comes back.
 * It looks local; every call is a round trip.
 *
 * <pre>{@code
 * Counter counter = RpcClient.connect(Counter.class, Address.parse("unix:/tmp/counter.sock"), key);
 * long now = counter.increment();       // a message to the server, and its reply
 * }</pre>
 *
 * Several threads may share one proxy: a call holds the connection from its request to its
 * reply, and a reply must carry the id of its request. A remote error throws
 * {@link RemoteException}; a lost connection {@link UncheckedIOException}. If the interface
 * extends {@link AutoCloseable}, {@code close()} closes the connection. You write this class
 * (Part C, step 2): {@code java.lang.reflect.Proxy} makes the object, Jackson the JSON.
 */
public final class RpcClient {
    private RpcClient() {
    }

    /** Connects (with the handshake when authkey is not null) and returns the proxy. */
    public static <T> T connect(Class<T> api, SocketAddress address, byte[] authkey) {
        throw new UnsupportedOperationException("TODO: RpcClient.connect: Client.connect, then Proxy.newProxyInstance");
    }
}
