package ipclab.timeserver;

/**
 * The time service's message types as the handout states them, spelled out on the test side so
 * that the tests depend on the contract only, never on a class of the starter. The reply to
 * client c has type 3 + c (c = 0: a request without an id, the course's protocol).
 */
final class TestProtocol {
    /** What time is it? The payload is empty, {@code 0}, or the client's id. */
    static final long TIME_REQUEST = 1;
    /** Stop the server. */
    static final long STOP_REQUEST = 2;

    private TestProtocol() {
    }
}
