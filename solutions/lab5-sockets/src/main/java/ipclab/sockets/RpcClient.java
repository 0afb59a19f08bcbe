package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * extends {@link AutoCloseable}, {@code close()} closes the connection.
 */
public final class RpcClient {
    private RpcClient() {
    }

    /** Connects (with the handshake when authkey is not null) and returns the proxy. */
    public static <T> T connect(Class<T> api, SocketAddress address, byte[] authkey) {
        var conn = Client.connect(address, authkey);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, new Calls(conn, address)));
    }

    private static final class Calls implements InvocationHandler {
        private final ObjectMapper json = new ObjectMapper();
        private final AtomicLong ids = new AtomicLong();
        private final Connection conn;
        private final SocketAddress address;

        Calls(Connection conn, SocketAddress address) {
            this.conn = conn;
            this.address = address;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws IOException {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "remote object at " + address;
                };
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0
                    && AutoCloseable.class.isAssignableFrom(method.getDeclaringClass())) {
                conn.close();
                return null;
            }
            long id = ids.incrementAndGet();
            ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("method", method.getName());
            request.set("params", json.valueToTree(args == null ? new Object[0] : args));
            request.put("id", id);
            byte[] replyBytes;
            synchronized (conn) {  // one call at a time on this connection: its reply is the next message
                conn.sendBytes(json.writeValueAsBytes(request));
                replyBytes = conn.recvBytes();
            }
            JsonNode reply = json.readTree(replyBytes);
            if (reply == null || reply.path("id").asLong(-1) != id) {
                throw new UncheckedIOException(new IOException("the reply is not for call " + id + ": " + new String(replyBytes)));
            }
            JsonNode error = reply.get("error");
            if (error != null && !error.isNull()) {
                JsonNode data = error.get("data");
                throw new RemoteException(error.path("code").asInt(), error.path("message").asText(),
                        data == null || data.isNull() ? null : data.asText());
            }
            if (method.getReturnType() == void.class) return null;
            return json.convertValue(reply.get("result"), json.constructType(method.getGenericReturnType()));
        }
    }
}
