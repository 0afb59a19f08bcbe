package ipclab.queues;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import ipclab.ipc.ProcessQueue;

/**
 * One worker of the second solution's {@link ProcessPool}: takes jobs from its own queue
 * ({@code <call> <index> <task class> <input>}) until {@code stop}, and answers each on the
 * shared result queue as {@code <worker> <call> <index> ok|err <text>}.
 */
public final class WorkerProcess {
    private WorkerProcess() {
    }

    public static void main(String[] argv) {
        Launch.main("WorkerProcess <worker> <job-key> <result-key>", argv, false, options -> {
            options.expect(3);
            String me = options.positional().get(0);
            var jobs = ProcessQueue.open(Launch.parseKey(options.positional().get(1)));
            var results = ProcessQueue.open(Launch.parseKey(options.positional().get(2)));
            Launch.exitWithParent();
            System.setOut(System.err);  // a task's prints are not the caller's output
            Map<String, Task> tasks = new HashMap<>();
            for (String job = jobs.take(); !job.equals("stop"); job = jobs.take()) {
                String[] part = job.split(" ", 4);
                String head = me + " " + part[0] + " " + part[1] + " ";
                String answer;
                try {
                    Task task = tasks.get(part[2]);
                    if (task == null) tasks.put(part[2], task = (Task) Class.forName(part[2]).getConstructor().newInstance());
                    answer = head + "ok " + task.apply(part[3]);
                } catch (Exception e) {
                    answer = head + "err " + e;
                }
                results.put(fitted(answer, head));
            }
        });
    }

    /** The answer, or an {@code err} that says it was too large for one message. */
    private static String fitted(String answer, String head) {
        if (answer.getBytes(StandardCharsets.UTF_8).length <= ProcessQueue.maxMessageBytes()) return answer;
        return head + "err the result does not fit in one message of " + ProcessQueue.maxMessageBytes() + " bytes";
    }
}
