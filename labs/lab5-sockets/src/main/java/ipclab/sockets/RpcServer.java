package ipclab.sockets;

/**
 * Serves the methods of an interface to remote callers: JSON-RPC 2.0 over {@link Connection}s,
 * one message per request and per reply. It is the server half of a remote object (the
 * course's managers): every connection is served by its own virtual thread, calls from
 * different connections run at the same time, calls on one connection one after another. You
 * write this class (Part C, step 1), with Jackson's {@code ObjectMapper} for the JSON.
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

    /** Serves {@code service}'s methods of the interface {@code api}, and nothing else, on the listener's connections. */
    public <T> RpcServer(Listener listener, Class<T> api, T service) {
        throw new UnsupportedOperationException("TODO: RpcServer: keep the listener, and the methods of api by name");
    }

    /** Accepts and serves connections until {@link #close()}; a client that fails the handshake is dropped. */
    public void serve() {
        throw new UnsupportedOperationException("TODO: RpcServer.serve: accept, and serve each connection on a thread of its own");
    }

    /** Stops accepting, closes every connection, and closes the listener (removing its socket file). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO: RpcServer.close");
    }
}
