package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serves the methods of an interface to remote callers: JSON-RPC 2.0 over {@link Connection}s,
 * one message per request and per reply. It is the server half of a remote object (the
 * course's managers): every connection is served by its own virtual thread, calls from
 * different connections run at the same time, calls on one connection one after another.
 *
 * <pre>{@code
 * var listener = new Listener(Address.parse("unix:/tmp/counter.sock"), key);
 * try (var server = new RpcServer(listener, Counter.class, new SharedCounter())) {
 *     server.serve();                         // until close()
 * }
 * }</pre>
 *
 * <pre>
 * --&gt; {"jsonrpc":"2.0","method":"add","params":[5],"id":1}
 * &lt;-- {"jsonrpc":"2.0","result":47,"id":1}
 * --&gt; {"jsonrpc":"2.0","method":"nope","params":[],"id":2}
 * &lt;-- {"jsonrpc":"2.0","error":{"code":-32601,"message":"no such method: nope"},"id":2}
 * </pre>
 */
public final class RpcServer implements AutoCloseable {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int METHOD_THREW = -32000;

    private final ObjectMapper json = new ObjectMapper();
    private final Listener listener;
    private final Object service;
    private final Map<String, List<Method>> methods;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Serves {@code service}'s methods of the interface {@code api}, and nothing else, on the listener's connections. */
    public <T> RpcServer(Listener listener, Class<T> api, T service) {
        if (!api.isInterface()) throw new IllegalArgumentException(api.getName() + " is not an interface");
        this.listener = listener;
        this.service = api.cast(service);
        this.methods = java.util.Arrays.stream(api.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .collect(Collectors.groupingBy(Method::getName));
    }

    /** Accepts and serves connections until {@link #close()}; a client that fails the handshake is dropped. */
    public void serve() {
        while (!closed) {
            Connection conn;
            try {
                conn = listener.accept();
            } catch (AuthenticationException e) {
                continue;
            } catch (UncheckedIOException e) {
                if (closed) return;
                continue;  // a peer that left during accept
            }
            connections.add(conn);
            if (closed) conn.close();
            Thread.ofVirtual().name("rpc-connection").start(() -> serve(conn));
        }
    }

    private void serve(Connection conn) {
        try (conn) {
            while (true) {
                byte[] reply = reply(conn.recvBytes());
                if (reply != null) conn.sendBytes(reply);
            }
        } catch (UncheckedIOException e) {
            // the client closed its connection (EOFException), or it broke: that connection ends
        } finally {
            connections.remove(conn);
        }
    }

    /** The response to one request message, or null for a notification. */
    byte[] reply(byte[] message) {
        JsonNode request;
        try {
            request = json.readTree(message);
        } catch (IOException e) {
            return error(null, PARSE_ERROR, "parse error: not JSON", null);
        }
        if (request == null || !request.isObject()) return error(null, INVALID_REQUEST, "a request is a JSON object", null);
        JsonNode id = request.get("id");
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return error(null, INVALID_REQUEST, "an id is a string, a number or null", null);
        }
        JsonNode method = request.get("method");
        JsonNode params = request.has("params") ? request.get("params") : json.createArrayNode();
        if (!"2.0".equals(request.path("jsonrpc").asText(null)) || method == null || !method.isTextual() || !params.isArray()) {
            return error(id, INVALID_REQUEST, "not a JSON-RPC 2.0 request with a method and an array of params", null);
        }
        byte[] response = call(id, method.asText(), (ArrayNode) params);
        return id == null ? null : response;  // a notification is carried out, and not answered
    }

    private byte[] call(JsonNode id, String name, ArrayNode params) {
        var candidates = methods.get(name);
        if (candidates == null) return error(id, METHOD_NOT_FOUND, "no such method: " + name, null);
        for (Method method : candidates) {
            Object[] args = Params.convert(json, method, params);
            if (args == null) continue;
            try {
                Object result = method.invoke(service, args);
                ObjectNode response = json.createObjectNode().put("jsonrpc", "2.0");
                response.set("result", json.valueToTree(result));
                response.set("id", id);
                return json.writeValueAsBytes(response);
            } catch (InvocationTargetException e) {
                Throwable thrown = e.getCause();
                return error(id, METHOD_THREW, String.valueOf(thrown.getMessage()), thrown.getClass().getName());
            } catch (ReflectiveOperationException | IOException | IllegalArgumentException e) {
                return error(id, METHOD_THREW, String.valueOf(e.getMessage()), e.getClass().getName());
            }
        }
        return error(id, INVALID_PARAMS, "wrong number or types of parameters for " + name, null);
    }

    private byte[] error(JsonNode id, int code, String message, String data) {
        ObjectNode response = json.createObjectNode().put("jsonrpc", "2.0");
        ObjectNode error = response.putObject("error").put("code", code).put("message", message);
        if (data != null) error.put("data", data);
        response.set("id", id == null ? json.nullNode() : id);
        try {
            return json.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops accepting, closes every connection, and closes the listener (removing its socket file). */
    @Override
    public void close() {
        closed = true;
        listener.close();
        new ArrayList<>(connections).forEach(Connection::close);
    }

    /** Turns JSON parameters into a method's Java arguments, strictly: no string "5" for an int. */
    static final class Params {
        private Params() {
        }

        /** The arguments, or null when the params do not fit the method. */
        static Object[] convert(ObjectMapper json, Method method, ArrayNode params) {
            var types = method.getParameterTypes();
            if (types.length != params.size()) return null;
            var args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (!fits(params.get(i), types[i])) return null;
                args[i] = json.convertValue(params.get(i), types[i]);
            }
            return args;
        }

        private static boolean fits(JsonNode node, Class<?> type) {
            if (node.isNull()) return !type.isPrimitive();
            if (type == int.class || type == Integer.class) return node.isIntegralNumber() && node.canConvertToInt();
            if (type == long.class || type == Long.class) return node.isIntegralNumber() && node.canConvertToLong();
            if (type == double.class || type == Double.class) return node.isNumber();
            if (type == boolean.class || type == Boolean.class) return node.isBoolean();
            if (type == String.class) return node.isTextual();
            if (type.isArray()) {
                if (!node.isArray()) return false;
                for (JsonNode element : node) if (!fits(element, type.getComponentType())) return false;
                return true;
            }
            if (type == List.class || type == Object.class) return true;
            return false;
        }
    }
}
