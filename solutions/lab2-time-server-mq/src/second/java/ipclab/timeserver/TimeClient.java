package ipclab.timeserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;

/**
 * A client of the time server (second solution): {@code 1} asks the time (the request carries
 * this process's id, and only the answer of type 3 + id is taken), {@code 2} stops the server.
 * It waits for an answer at most 5 s ({@code --timeout S}); a server that removed its queue
 * ends the client with an error.
 *
 * <pre>
 * $ printf '1\n2\n' | ./run TimeClient --key 4242
 * Sun Nov 22 02:15:07 2026
 * stop request sent
 * </pre>
 */
public final class TimeClient {
    private static final int DEFAULT_PATIENCE = 5;

    private TimeClient() {
    }

    public static void main(String[] argv) {
        Command.main(argv, "TimeClient [--key K] [--timeout S]", Set.of("--key", "--timeout"), options -> {
            int key = options.key();
            var patience = Duration.ofSeconds(options.seconds(DEFAULT_PATIENCE));
            MessageQueue server;
            try {
                server = MessageQueue.open(key);
            } catch (IpcException.NoSuchQueueException none) {
                throw new Command.Trouble("no time server is running on key " + key);
            }
            var console = System.console();
            String prompt = console != null && console.isTerminal() ? "1 = what time is it?, 2 = stop the server: " : "";
            long me = ProcessHandle.current().pid();
            var lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                for (String line = nextLine(lines, prompt); line != null; line = nextLine(lines, prompt)) {
                    String choice = line.strip();
                    if (choice.equals("1")) {
                        server.send(Wire.ASK, Long.toString(me));
                        var answer = server.receive(Wire.answerTo(me), patience);
                        if (answer.isEmpty()) throw new Command.Trouble("no reply from the time server");
                        System.out.println(answer.get().text());
                    } else if (choice.equals("2")) {
                        server.send(Wire.HALT, "");
                        System.out.println("stop request sent");
                        return;
                    } else {
                        System.out.println("Input error, try again!");
                    }
                }
            } catch (IpcException.QueueRemovedException gone) {
                throw new Command.Trouble("the time server stopped");
            }
            if (!prompt.isEmpty()) System.out.println();
        });
    }

    private static String nextLine(BufferedReader lines, String prompt) throws java.io.IOException {
        if (!prompt.isEmpty()) {
            System.out.print(prompt);
            System.out.flush();
        }
        return lines.readLine();
    }
}
