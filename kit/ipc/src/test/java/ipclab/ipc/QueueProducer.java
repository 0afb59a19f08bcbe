package ipclab.ipc;

/** A child for the tests: puts items 0 … count-1 on the process-safe queue with the key. */
public final class QueueProducer {
    public static void main(String[] args) {
        var queue = ProcessQueue.open(Integer.parseInt(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) queue.put("item-" + i);
    }
}
