package ipclab.sockets;

import java.nio.charset.StandardCharsets;

/**
 * The course's "Client" (second solution): connects with the key of a file, sends each message
 * argument, closes.
 *
 * <pre>
 * $ ./run MessageClient unix:/tmp/msg.sock --authkey-file key.txt hello "close server"
 * </pre>
 */
public final class MessageClient {
    private MessageClient() {
    }

    public static void main(String[] argv) {
        Program.main(argv, "MessageClient <address> --authkey-file <file> [message...]", true, words -> {
            var address = words.expect(1, true).address(0);
            byte[] key = words.authkey();
            Connection conn;
            try {
                conn = Client.connect(address, key);
            } catch (Endpoint.Unreachable none) {
                throw new Program.Fault(none.getMessage());
            }
            try (conn) {
                for (String message : words.positional().subList(1, words.positional().size())) {
                    conn.sendBytes(message.getBytes(StandardCharsets.UTF_8));
                }
            }
            return 0;
        });
    }
}
