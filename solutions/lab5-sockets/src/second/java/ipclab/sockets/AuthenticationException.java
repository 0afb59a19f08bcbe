package ipclab.sockets;

/**
 * The other side of a connection failed the handshake, or the handshake broke off: a wrong
 * authkey, a reply that is not what Python's {@code multiprocessing.connection} sends, or a
 * peer that said nothing for 5 s. Python raises {@code AuthenticationError} in the same places.
 * Given: do not change it.
 */
public class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}
