package ipclab.queues;

import ipclab.ipc.ProcessQueue;

/**
 * A consumer child of {@link ProducerConsumer}: prints {@code consumer <c> got <item>} for each
 * item it takes from queue K until it takes a stop message, then reports {@code <c> <count>} on
 * queue K+1.
 */
public final class ItemConsumer {
    private ItemConsumer() {
    }

    public static void main(String[] argv) {
        Launch.main("ItemConsumer <c> --key K", argv, true, options -> {
            options.expect(1);
            int c = options.number(0, "c", 1, 16);
            Launch.exitWithParent();
            var items = ProcessQueue.open(options.key());
            var reports = ProcessQueue.open(options.key() + 1);
            int count = 0;
            while (true) {
                String item = items.take();
                if (item.equals(ProducerConsumer.NO_MORE)) break;
                System.out.println("consumer " + c + " got " + item);
                count++;
            }
            reports.put(c + " " + count);
        });
    }
}
