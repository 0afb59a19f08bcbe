package ipclab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Messages over Lab 5's {@code ipclab.sockets.Connection} (Python's
 * {@code multiprocessing.connection} framing, authenticated or not): {@code sendBytes} and
 * {@code recvBytes}. The bench does not depend on the lab at build time, so it reaches the lab's
 * classes through a loader ({@link LabCode#loader()}) and calls them by method handle.
 *
 * <pre>{@code
 * Object listener = ConnectionLink.listen(loader, address, authkey);   // a Listener
 * Link link = ConnectionLink.of(ConnectionLink.call(listener, "accept"));
 * Link other = ConnectionLink.of(ConnectionLink.connect(loader, address, authkey));  // Client.connect
 * }</pre>
 */
final class ConnectionLink implements Link {
    private static final String PACKAGE = "ipclab.sockets.";
    private final MethodHandle send;
    private final MethodHandle receive;
    private final MethodHandle close;

    private ConnectionLink(Object connection) throws ReflectiveOperationException {
        var lookup = MethodHandles.publicLookup();
        Class<?> type = connection.getClass();
        send = lookup.findVirtual(type, "sendBytes", MethodType.methodType(void.class, byte[].class)).bindTo(connection);
        receive = lookup.findVirtual(type, "recvBytes", MethodType.methodType(byte[].class)).bindTo(connection);
        close = lookup.findVirtual(type, "close", MethodType.methodType(void.class)).bindTo(connection);
    }

    /** A link over a {@code Connection} object of Lab 5. */
    static ConnectionLink of(Object connection) throws IOException {
        try {
            return new ConnectionLink(connection);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Lab 5's Connection lacks sendBytes, recvBytes or close: " + e.getMessage(), e);
        }
    }

    /** A Lab 5 {@code Listener} at the address; {@code authkey} null: no handshake. */
    static Object listen(ClassLoader lab5, SocketAddress address, byte[] authkey) throws IOException {
        try {
            return lab5.loadClass(PACKAGE + "Listener").getConstructor(SocketAddress.class, byte[].class).newInstance(address, authkey);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Lab 5's Listener(SocketAddress, byte[]) is missing: " + e.getMessage(), e);
        }
    }

    /** Lab 5's {@code Client.connect(address, authkey)}. */
    static Object connect(ClassLoader lab5, SocketAddress address, byte[] authkey) throws IOException {
        try {
            return lab5.loadClass(PACKAGE + "Client").getMethod("connect", SocketAddress.class, byte[].class).invoke(null, address,
                    authkey);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Lab 5's Client.connect(SocketAddress, byte[]) is missing: " + e.getMessage(), e);
        }
    }

    /** Calls a public method without arguments on one of Lab 5's objects ({@code accept}, {@code close}). */
    static Object call(Object target, String method) throws IOException {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Lab 5's " + target.getClass().getSimpleName() + " has no " + method + "(): " + e.getMessage(), e);
        }
    }

    private static IOException unwrap(InvocationTargetException e) {
        return switch (e.getCause()) {
            case IOException io -> io;
            case UncheckedIOException io -> io.getCause();
            case Throwable other -> new IOException(other.getClass().getSimpleName() + ": " + other.getMessage(), other);
        };
    }

    @Override
    public void send(byte[] message) throws IOException {
        try {
            send.invokeExact(message);
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /** The next message; a connection has no timeout: a peer that dies closes it, which ends the wait. */
    @Override
    public Optional<byte[]> poll(Duration ignored) throws IOException {
        try {
            return Optional.of((byte[]) receive.invokeExact());
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            close.invokeExact();
        } catch (Throwable t) {
            throw rethrown(t);
        }
    }

    /** What a call through a handle threw, as the I/O failure it is (unchecked ones unwrapped); other exceptions pass. */
    private static IOException rethrown(Throwable t) {
        return switch (t) {
            case UncheckedIOException e -> e.getCause();
            case IOException e -> e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> new IOException(t);
        };
    }
}
