package ipclab.timeserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import ipclab.ipc.Cli;

/**
 * The warm-up server: reads integers from stdin and sends each into a System V message queue
 * (type 1, decimal text), until {@code 0} or the end of input. The same bytes as the course's
 * Python server, so either end can be the Python program.
 *
 * <pre>
 * $ ./run NumberServer --key 4242
 * 5
 * 12
 * twelve
 * Input error, try again!
 * 0
 * $
 * </pre>
 *
 * <p>What it must do (the README has the whole contract):
 * <ul>
 *   <li>open or create the queue ({@link ipclab.ipc.MessageQueue#create}) and arrange its removal
 *       ({@link Cli#removeOnExit});</li>
 *   <li>an integer line: send it as decimal text, type 1; any other line: print
 *       {@code Input error, try again!} and send nothing;</li>
 *   <li>on {@code 0}, or the end of input (taken as {@code 0}): send {@code 0}, wait until the
 *       queue is empty but at most 10 s ({@code --timeout S}: S seconds; parsed for you into
 *       {@code giveUpSeconds}), remove the queue, exit 0.</li>
 * </ul>
 */
public final class NumberServer {
    static final String USAGE = "usage: NumberServer [--key K] [--timeout S]";
    static final int DRAIN_SECONDS = 10;

    private NumberServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key", "--timeout").positional(0, 0);
            int key = args.key();
            long giveUpSeconds = timeoutSeconds(args, DRAIN_SECONDS);
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            // TODO: the queue, the loop over in.readLine() (null at the end of input), the wait, the removal.
            throw new UnsupportedOperationException("TODO: NumberServer.main");
        });
    }

    /** The seconds of {@code --timeout S} (1 to 3600), or the default. */
    static long timeoutSeconds(Cli.Args args, long otherwise) {
        String text = args.options().get("--timeout");
        return text == null ? otherwise : Cli.integer(text, "--timeout", 1, 3600);
    }
}
