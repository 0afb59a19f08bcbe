package ipclab.queues;

import java.nio.charset.StandardCharsets;

import ipclab.ipc.ProcessQueue;

/**
 * What travels on a {@link ProcessPool}'s two queues: one line of text per message, the free
 * text last so that it may hold anything (spaces, newlines).
 *
 * <pre>
 *  task queue     "&lt;call&gt; &lt;index&gt; &lt;task class&gt; &lt;input&gt;"     a job: run the task on the input
 *                 "stop"                                   the worker exits
 *  result queue   "&lt;call&gt; &lt;index&gt; done &lt;result&gt;"           the task returned the result
 *                 "&lt;call&gt; &lt;index&gt; failed &lt;message&gt;"         the task threw; the worker's message
 * </pre>
 *
 * {@code <call>} numbers the pool's calls from 1, so a result of an abandoned call is told apart
 * from the current call's; {@code <index>} is the input's position in its call. A message holds
 * at most {@link ProcessQueue#maxMessageBytes()} bytes of UTF-8 (8192 on a default Linux).
 */
final class PoolMessages {
    static final String STOP = "stop";

    private PoolMessages() {
    }

    /** A message on the task queue. */
    sealed interface Order permits Job, Stop {
    }

    record Job(long call, int index, String taskClass, String input) implements Order {
    }

    record Stop() implements Order {
    }

    /** A message on the result queue. */
    sealed interface Outcome permits Done, Failed {
        long call();

        int index();
    }

    record Done(long call, int index, String result) implements Outcome {
    }

    record Failed(long call, int index, String message) implements Outcome {
    }

    static String encode(Order order) {
        return switch (order) {
            case Job job -> job.call() + " " + job.index() + " " + job.taskClass() + " " + job.input();
            case Stop stop -> STOP;
        };
    }

    static Order parseOrder(String text) {
        if (text.equals(STOP)) return new Stop();
        String[] parts = text.split(" ", 4);
        return new Job(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2], parts[3]);
    }

    static String encode(Outcome outcome) {
        return switch (outcome) {
            case Done done -> done.call() + " " + done.index() + " done " + done.result();
            case Failed failed -> failed.call() + " " + failed.index() + " failed " + failed.message();
        };
    }

    static Outcome parseOutcome(String text) {
        String[] parts = text.split(" ", 4);
        long call = Long.parseLong(parts[0]);
        int index = Integer.parseInt(parts[1]);
        return parts[2].equals("done") ? new Done(call, index, parts[3]) : new Failed(call, index, parts[3]);
    }

    /** How many bytes the message takes on a queue. */
    static long bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length;
    }

    static boolean fits(String message) {
        return bytes(message) <= ProcessQueue.maxMessageBytes();
    }
}
