package ipclab.queues;

import ipclab.ipc.MessageQueue;

/**
 * A task the hidden tests script through its input, run in the pool's workers (it is on their
 * classpath: a child JVM gets the test JVM's, test classes included).
 * <ul>
 *   <li>{@code echo <text>} returns the text;</li>
 *   <li>{@code fail <reason>} throws {@code IllegalStateException("<reason> (refused in process <pid>)")};</li>
 *   <li>{@code gate <key> <token>} holds the worker until the test opens the gate, see {@link Gates}.</li>
 * </ul>
 */
public class ScriptTask implements Task {
    static final String NAME = ScriptTask.class.getName();

    @Override
    public String apply(String input) {
        String[] words = input.split(" ", 2);
        String rest = words.length > 1 ? words[1] : "";
        long pid = ProcessHandle.current().pid();
        return switch (words[0]) {
            case "echo" -> rest;
            case "fail" -> throw new IllegalStateException(rest + " (refused in process " + pid + ")");
            case "gate" -> passGate(rest, pid);
            default -> throw new IllegalArgumentException("ScriptTask does not know '" + input + "'");
        };
    }

    private static String passGate(String keyAndToken, long pid) {
        String[] parts = keyAndToken.split(" ");
        int token = Integer.parseInt(parts[1]);
        var queue = MessageQueue.open(Integer.parseInt(parts[0]));
        String me = token + " " + pid;
        queue.send(Gates.STARTED, me);
        queue.receive(Gates.OPEN + token);  // the workload: held until the test opens this gate
        queue.send(Gates.DONE + token, me);
        return me;
    }
}
