package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A JSON-RPC 2.0 server over Part B's connections (second solution): it exposes the methods of
 * one interface, and nothing else of the object behind it. Every connection has a virtual thread
 * of its own, so calls from different connections run at once; one connection's calls run in
 * the order they came.
 *
 * <pre>{@code
 * var server = new RpcServer(new Listener(address, key), Counter.class, new MyCounter());
 * server.serve();          // until server.close(), from another thread or a shutdown hook
 * }</pre>
 */
public final class RpcServer implements AutoCloseable {
    private final Listener listener;
    private final Object target;
    private final Map<String, List<Method>> exposed = new HashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Serves {@code service} through the methods of {@code api}. */
    public <T> RpcServer(Listener listener, Class<T> api, T service) {
        if (!api.isInterface()) throw new IllegalArgumentException(api.getName() + " is not an interface");
        this.listener = listener;
        this.target = service;
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == AutoCloseable.class) continue;
            exposed.computeIfAbsent(method.getName(), name -> new ArrayList<>()).add(method);
        }
    }

    /** Accepts and serves connections until {@link #close}. */
    public void serve() {
        while (!closed) {
            Connection conn;
            try {
                conn = listener.accept();
            } catch (AuthenticationException refused) {
                continue;  // that peer is gone; the others are served
            } catch (UncheckedIOException e) {
                if (closed) return;
                throw e;
            }
            open.add(conn);
            if (closed) conn.close();
            Thread.ofVirtual().name("rpc-connection").start(() -> converse(conn));
        }
    }

    private void converse(Connection conn) {
        try (conn) {
            while (true) {
                var response = respond(conn.recvBytes());
                if (response != null) conn.sendBytes(response);
            }
        } catch (UncheckedIOException gone) {
            // the client closed the connection, or the server is closing
        } finally {
            open.remove(conn);
        }
    }

    /** The response to one message, or null for a notification. */
    byte[] respond(byte[] message) {
        JsonNode request;
        try {
            request = JsonRpc.MAPPER.readTree(message);
        } catch (IOException notJson) {
            return bytes(JsonRpc.failure(NullNode.getInstance(), JsonRpc.PARSE_ERROR, "parse error", null));
        }
        if (request == null || !request.isObject()) {
            return bytes(JsonRpc.failure(NullNode.getInstance(), JsonRpc.INVALID_REQUEST, "not a request object", null));
        }
        JsonNode id = request.get("id");
        boolean notification = id == null;
        JsonNode replyId = notification ? NullNode.getInstance() : id;
        JsonNode params = request.has("params") ? request.get("params") : JsonRpc.MAPPER.createArrayNode();
        if (!request.path("jsonrpc").isTextual() || !request.get("jsonrpc").asText().equals("2.0")
                || !request.path("method").isTextual() || !params.isArray()
                || !(notification || id.isTextual() || id.isNumber() || id.isNull())) {
            return bytes(JsonRpc.failure(replyId, JsonRpc.INVALID_REQUEST, "not a valid JSON-RPC 2.0 request", null));
        }
        var candidates = exposed.get(request.get("method").asText());
        JsonNode outcome;
        if (candidates == null) {
            outcome = JsonRpc.failure(replyId, JsonRpc.METHOD_NOT_FOUND, "no method " + request.get("method").asText(), null);
        } else {
            outcome = call(candidates, params, replyId);
        }
        return notification ? null : bytes(outcome);
    }

    private JsonNode call(List<Method> candidates, JsonNode params, JsonNode id) {
        for (Method method : candidates) {
            Object[] args = Params.match(method, params);
            if (args == null) continue;
            try {
                Object result = method.invoke(target, args);
                return JsonRpc.success(id, JsonRpc.MAPPER.valueToTree(result));
            } catch (InvocationTargetException e) {
                var thrown = e.getCause();
                return JsonRpc.failure(id, JsonRpc.METHOD_THREW, String.valueOf(thrown.getMessage()), thrown.getClass().getName());
            } catch (IllegalAccessException e) {
                return JsonRpc.failure(id, JsonRpc.METHOD_THREW, e.getMessage(), e.getClass().getName());
            }
        }
        return JsonRpc.failure(id, JsonRpc.INVALID_PARAMS, "wrong number or types of parameters", null);
    }

    private static byte[] bytes(JsonNode response) {
        try {
            return JsonRpc.MAPPER.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops accepting and closes every connection; {@link #serve} returns. */
    @Override
    public void close() {
        closed = true;
        listener.close();
        for (var conn : open) conn.close();
    }

    /** Strict conversion of JSON parameters to a method's parameter types. */
    private static final class Params {
        private Params() {
        }

        /** The arguments for {@code method}, or null if the parameters do not fit it. */
        static Object[] match(Method method, JsonNode params) {
            var types = method.getParameterTypes();
            if (types.length != params.size()) return null;
            var args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                try {
                    args[i] = convert(params.get(i), types[i]);
                } catch (IllegalArgumentException misfit) {
                    return null;
                }
            }
            return args;
        }

        private static Object convert(JsonNode value, Class<?> type) {
            if (value.isNull()) {
                if (type.isPrimitive()) throw new IllegalArgumentException("null for " + type);
                return null;
            }
            if ((type == int.class || type == Integer.class) && value.isIntegralNumber() && value.canConvertToInt())
                return value.intValue();
            if ((type == long.class || type == Long.class) && value.isIntegralNumber() && value.canConvertToLong())
                return value.longValue();
            if ((type == double.class || type == Double.class) && value.isNumber()) return value.doubleValue();
            if ((type == boolean.class || type == Boolean.class) && value.isBoolean()) return value.booleanValue();
            if (type == String.class && value.isTextual()) return value.textValue();
            if (type.isArray() && value.isArray()) {
                var array = java.lang.reflect.Array.newInstance(type.getComponentType(), value.size());
                for (int i = 0; i < value.size(); i++) {
                    java.lang.reflect.Array.set(array, i, convert(value.get(i), type.getComponentType()));
                }
                return array;
            }
            throw new IllegalArgumentException(value.getNodeType() + " for " + type);
        }
    }
}
