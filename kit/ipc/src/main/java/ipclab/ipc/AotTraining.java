package ipclab.ipc;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The workload a JDK AOT cache for child JVMs is trained on (see {@link ChildJvm}): what a lab
 * program does in its first milliseconds — the {@link Cli} frame, a shared-memory segment and
 * its lock, a System V queue (blocking, timed and non-blocking receives), a process queue, a
 * named pipe, a child's command line — so that the classes, and the FFM downcalls' generated
 * code, of all of it are loaded from the cache instead of made again in every child. Everything
 * it creates, it removes.
 *
 * <pre>
 * java -XX:AOTCacheOutput=kit.aot [ChildJvm.JVM_OPTIONS] -cp ipc.jar:… ipclab.ipc.AotTraining
 * </pre>
 */
final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, "usage: AotTraining", "--key").positional(0, 0);
            var segment = SharedSegment.newPath("aot-training");
            try (var shm = SharedSegment.create(segment, 4 * Long.BYTES)) {
                shm.lock(0).withLock(() -> shm.set(1, shm.getAndAdd(2, 1)));
                shm.compareAndSet(3, 0, shm.getAcquire(1));
            } finally {
                SharedSegment.remove(segment);
            }
            try (var queue = MessageQueue.createExclusive(args.options().containsKey("--key") ? args.key() : freeKey())) {
                try {
                    queue.send(1, "ping");
                    queue.trySend(2, new byte[] {1, 2});
                    queue.receive(1).text();
                    queue.receive(2, Duration.ofMillis(1));
                    queue.receive(3, Duration.ofMillis(1));
                    queue.tryReceive(0);
                } finally {
                    queue.remove();
                }
            }
            try (var queue = ProcessQueue.create(freeKey())) {
                try {
                    queue.put("task");
                    queue.take();
                    queue.poll(Duration.ofMillis(1));
                } finally {
                    queue.remove();
                }
            }
            var dir = Files.createTempDirectory("aot-training");
            try {
                NamedPipe.remove(NamedPipe.create(dir.resolve("fifo")));
            } finally {
                Files.deleteIfExists(dir);
            }
            ChildJvm.builder(AotTraining.class).command();
            Cli.integer("42", "a number", 0, 100);
            return Cli.OK;
        });
    }

    /** A key no queue has now (another process may still take it first: then this run fails, and the cache is not made). */
    private static int freeKey() {
        while (true) {
            int key = ThreadLocalRandom.current().nextInt(0x7100_0000, 0x7200_0000);
            if (!MessageQueue.exists(key)) return key;
        }
    }
}
