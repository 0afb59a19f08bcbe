package ipclab.queues;

import ipclab.ipc.ProcessQueue;

/** A producer child of {@link ProducerConsumer}: puts {@code p<p>-0} … {@code p<p>-<items-1>} on queue K. */
public final class ItemProducer {
    private ItemProducer() {
    }

    public static void main(String[] argv) {
        Launch.main("ItemProducer <p> <items> --key K", argv, true, options -> {
            options.expect(2);
            int p = options.number(0, "p", 1, 16);
            int items = options.number(1, "items", 0, 100_000);
            Launch.exitWithParent();
            var queue = ProcessQueue.open(options.key());
            for (int i = 0; i < items; i++) queue.put("p" + p + "-" + i);
        });
    }
}
