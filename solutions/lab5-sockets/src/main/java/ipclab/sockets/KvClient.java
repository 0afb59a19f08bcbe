package ipclab.sockets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ipclab.ipc.Cli;

/**
 * Sends each argument to a {@link KvServer} as one request and prints each reply on its own line.
 *
 * <pre>
 * $ ./run KvClient unix:/tmp/kv.sock "PUT greeting hello world" "GET greeting" "GET nothing"
 * OK
 * VALUE hello world
 * NOT_FOUND
 * </pre>
 *
 * Exit status 0; 1 with {@code error: cannot connect to <address>} when no server is there, or
 * another {@code error: } line when the server goes away before every reply came.
 */
public final class KvClient {
    private static final String USAGE = "usage: KvClient <address> <request>...";

    private KvClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(2, Integer.MAX_VALUE);
            var address = KvServer.parseAddress(args.get(0));
            var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            try (var server = Sockets.connect(address)) {
                for (String request : args.positional().subList(1, args.positional().size())) {
                    Frames.write(server, request);
                    String reply = Frames.read(server, 64 << 20)
                            .orElseThrow(() -> new Cli.Failure("the server closed the connection"));
                    out.println(reply);
                }
            } catch (IOException e) {
                throw new Cli.Failure("the connection to the server broke: " + e.getMessage());
            }
            return Cli.OK;
        });
    }
}
