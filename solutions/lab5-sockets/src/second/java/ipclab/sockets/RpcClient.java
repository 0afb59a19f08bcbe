package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Remote objects over JSON-RPC 2.0 (second solution): {@link #connect} returns a proxy whose
 * every call is a request on one connection. Any number of threads may share a proxy: each call
 * has a fresh id, and one reader thread hands each response to the call with that id, so calls
 * are in flight together instead of taking turns on the connection.
 *
 * <pre>{@code
 * Counter counter = RpcClient.connect(Counter.class, address, key);
 * long now = counter.increment();
 * }</pre>
 */
public final class RpcClient {
    private RpcClient() {
    }

    /**
     * A proxy for {@code api} whose calls run on the server at {@code address}. A remote error
     * throws {@link RemoteException}, a lost connection {@link UncheckedIOException}; if
     * {@code api} extends {@link AutoCloseable}, {@code close()} closes the connection.
     */
    public static <T> T connect(Class<T> api, SocketAddress address, byte[] authkey) {
        var line = new Line(Client.connect(address, authkey));
        Thread.ofVirtual().name("rpc-responses").start(line::dispatch);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                (proxy, method, args) -> line.invoke(proxy, method, args)));
    }

    /** One connection and the calls waiting for their responses on it. */
    private static final class Line {
        private final Connection conn;
        private final AtomicLong ids = new AtomicLong();
        private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private volatile UncheckedIOException lost;

        Line(Connection conn) {
            this.conn = conn;
        }

        Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "RpcClient proxy on " + conn;
                };
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0
                    && AutoCloseable.class.isAssignableFrom(method.getDeclaringClass())) {
                conn.close();
                return null;
            }
            long id = ids.incrementAndGet();
            var request = JsonRpc.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method.getName());
            var params = request.putArray("params");
            if (args != null) {
                for (Object arg : args) params.add(JsonRpc.MAPPER.valueToTree(arg));
            }
            request.put("id", id);
            var response = new CompletableFuture<JsonNode>();
            waiting.put(id, response);
            try {
                if (lost != null) throw lost;
                conn.sendBytes(JsonRpc.MAPPER.writeValueAsBytes(request));
                JsonNode reply = response.get();
                if (reply.has("error")) {
                    var error = reply.get("error");
                    throw new RemoteException(error.path("code").asInt(), error.path("message").asText(),
                            error.path("data").isTextual() ? error.get("data").asText() : null);
                }
                if (method.getReturnType() == void.class) return null;
                var type = JsonRpc.MAPPER.getTypeFactory().constructType(method.getGenericReturnType());
                return JsonRpc.MAPPER.convertValue(reply.get("result"), type);
            } catch (ExecutionException e) {
                throw e.getCause();
            } finally {
                waiting.remove(id);
            }
        }

        /** Reads responses and completes the call each one answers, until the connection ends. */
        void dispatch() {
            try {
                while (true) {
                    JsonNode reply = JsonRpc.MAPPER.readTree(conn.recvBytes());
                    var call = waiting.get(reply.path("id").asLong(-1));
                    if (call != null) call.complete(reply);
                }
            } catch (UncheckedIOException e) {
                lost = e;
            } catch (IOException notJson) {
                lost = new UncheckedIOException("the server sent something that is not JSON", notJson);
                conn.close();
            }
            var failure = lost.getCause() instanceof EOFException
                    ? new UncheckedIOException("the connection to the server was lost", lost.getCause()) : lost;
            lost = failure;
            waiting.values().forEach(call -> call.completeExceptionally(failure));
        }
    }
}
