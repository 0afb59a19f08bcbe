package ipclab.sockets;

import java.io.EOFException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import ipclab.ipc.Address;
import ipclab.ipc.Cli;

/**
 * The course's "Server (multiple connections)" with {@code Listener}: one authenticated
 * connection at a time, every message printed.
 *
 * <pre>
 * $ ./run MessageServer unix:/tmp/msg.sock --authkey-file key.txt
 * listening on unix:/tmp/msg.sock
 * connection accepted from unix:
 * hello
 * close server
 * </pre>
 *
 * {@code close connection} ends the current connection, {@code close server} also stops the
 * server (exit 0). A client with the wrong key: {@code error: authentication failed for <peer>}
 * on stderr, and the server goes on.
 */
public final class MessageServer {
    private static final String USAGE = "usage: MessageServer <address> --authkey-file <file>";

    private MessageServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--authkey-file").positional(1, 1);
            var address = KvServer.parseAddress(args.get(0));
            byte[] authkey = KeyFile.fromOption(args);
            var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            try (var listener = new Listener(address, authkey)) {
                Cli.removeOnExit(listener::close);
                out.println("listening on " + Address.format(listener.address()));
                boolean running = true;
                while (running) {
                    Connection conn;
                    try {
                        conn = listener.accept();
                    } catch (AuthenticationException e) {
                        System.err.println("error: authentication failed for " + Address.format(listener.lastAccepted()));
                        continue;
                    }
                    out.println("connection accepted from " + Address.format(listener.lastAccepted()));
                    running = serve(conn, out);
                }
            }
            return Cli.OK;
        });
    }

    /** Prints the connection's messages until it ends; false after {@code close server}. */
    private static boolean serve(Connection conn, PrintStream out) {
        try (conn) {
            while (true) {
                String message = new String(conn.recvBytes(), StandardCharsets.UTF_8);
                out.println(message);
                if (message.equals("close connection")) return true;
                if (message.equals("close server")) return false;
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof EOFException)) System.err.println("error: " + e.getMessage());
            return true;  // the client left: wait for the next one
        }
    }
}
