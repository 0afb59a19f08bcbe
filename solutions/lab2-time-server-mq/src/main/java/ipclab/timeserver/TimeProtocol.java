package ipclab.timeserver;

/**
 * The message types the time server and its clients agree on. Every message is one System V
 * message: a type, and a payload of UTF-8 text without a terminator.
 *
 * <pre>
 *  type        payload            from     meaning
 *  ----------  -----------------  -------  -------------------------------------------
 *  1           "" or "0"          client   what time is it? (the course's protocol)
 *  1           client id c > 0    client   what time is it? answer me on type 3 + c
 *  2           anything           client   stop the server
 *  3           asctime text       server   the answer to a request without an id
 *  3 + c       asctime text       server   the answer to client c (a client uses its pid)
 * </pre>
 *
 * <p>The server receives with type {@code -STOP_REQUEST}: "the lowest type that is at most 2",
 * so it takes requests and never a reply, whose type is at least 3.
 */
public final class TimeProtocol {
    public static final long TIME_REQUEST = 1;
    public static final long STOP_REQUEST = 2;
    /** The reply type for a request without a client id; client c gets {@code REPLY + c}. */
    public static final long REPLY = 3;

    private TimeProtocol() {
    }

    /** The type of the reply to client c (c = 0 means a request without an id). */
    public static long replyType(long clientId) {
        return REPLY + clientId;
    }
}
