package ipclab.sockets;

/**
 * A remote call failed on the server: the JSON-RPC error that came back instead of a result,
 * with its {@link #code()} (for example {@code -32601}: no such method; {@code -32000}: the
 * method threw) and, when the method threw, the class name of what it threw
 * ({@link #remoteType()}, else {@code null}). Given: do not change it.
 */
public class RemoteException extends RuntimeException {
    private final int code;
    private final String remoteType;

    public RemoteException(int code, String message, String remoteType) {
        super(message);
        this.code = code;
        this.remoteType = remoteType;
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** The class name of the exception the remote method threw, or {@code null}. */
    public String remoteType() {
        return remoteType;
    }
}
