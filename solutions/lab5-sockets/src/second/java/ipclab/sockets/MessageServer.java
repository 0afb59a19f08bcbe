package ipclab.sockets;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import ipclab.ipc.Address;

/**
 * The course's "Server (multiple connections)" (second solution): one authenticated connection
 * at a time; prints who connected and every message it receives, until a client sends
 * {@code close server}.
 *
 * <pre>
 * $ ./run MessageServer unix:/tmp/msg.sock --authkey-file key.txt
 * listening on unix:/tmp/msg.sock
 * connection accepted from unix:
 * hello
 * close server
 * </pre>
 */
public final class MessageServer {
    private MessageServer() {
    }

    public static void main(String[] argv) {
        Program.main(argv, "MessageServer <address> --authkey-file <file>", true, words -> {
            var listener = words.keyedListener();
            Program.atExit(listener::close);
            System.out.println("listening on " + Address.format(listener.address()));
            boolean serving = true;
            while (serving) {
                Connection conn;
                try {
                    conn = listener.accept();
                } catch (AuthenticationException refused) {
                    System.err.println("error: authentication failed for " + Address.format(listener.lastAccepted()));
                    continue;
                }
                System.out.println("connection accepted from " + Address.format(listener.lastAccepted()));
                serving = printUntilClosed(conn);
            }
            listener.close();
            return 0;
        });
    }

    /** Prints the connection's messages; false when one of them was {@code close server}. */
    private static boolean printUntilClosed(Connection conn) {
        try (conn) {
            while (true) {
                String message = new String(conn.recvBytes(), StandardCharsets.UTF_8);
                System.out.println(message);
                if (message.equals("close connection")) return true;
                if (message.equals("close server")) return false;
            }
        } catch (UncheckedIOException gone) {
            if (!(gone.getCause() instanceof EOFException)) {
                System.err.println("error: connection lost: " + gone.getCause().getMessage());
            }
            return true;
        }
    }
}
