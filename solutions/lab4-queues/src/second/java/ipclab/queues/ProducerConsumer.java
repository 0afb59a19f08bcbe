package ipclab.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.IpcException;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.ProcessQueue;

/**
 * Producers and consumers as child JVMs around queue K (items, then one stop message per
 * consumer) and queue K+1 (each consumer's count). The parent waits on the children's exit
 * futures: the first failure ends the wait at once.
 *
 * <pre>
 * $ ./run ProducerConsumer 2 2 3 --key 4242
 * consumer 1 got p1-0
 * …
 * produced 6 consumed 6
 * </pre>
 */
public final class ProducerConsumer {
    static final String NO_MORE = "STOP";

    private ProducerConsumer() {
    }

    public static void main(String[] argv) {
        Launch.main("ProducerConsumer <producers> <consumers> <items> [--key K]   (1 to 16, 1 to 16, 0 to 100000)",
                argv, true, options -> {
                    options.expect(3);
                    int producers = options.number(0, "producers", 1, 16);
                    int consumers = options.number(1, "consumers", 1, 16);
                    int items = options.number(2, "items", 0, 100_000);
                    run(producers, consumers, items, options.key());
                });
    }

    private static void run(int producers, int consumers, int items, int key) throws Exception {
        var made = new ArrayList<MessageQueue>();
        var children = new ArrayList<Process>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (children) {
                children.forEach(Process::destroyForcibly);
                for (var child : children) child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
            }
            synchronized (made) {
                made.forEach(MessageQueue::remove);
            }
        }));
        for (int k : new int[] {key, key + 1}) {
            try {
                synchronized (made) {
                    made.add(MessageQueue.createExclusive(k));
                }
            } catch (IpcException.QueueExistsException e) {
                throw new Launch.Failure("the message queue with key " + k + " is already in use (ipcrm -Q " + k + ")");
            }
        }
        var itemQueue = ProcessQueue.open(key);
        var reports = ProcessQueue.open(key + 1);
        String k = Integer.toString(key);
        var producing = new ArrayList<CompletableFuture<Process>>();
        var consuming = new ArrayList<CompletableFuture<Process>>();
        synchronized (children) {
            for (int p = 1; p <= producers; p++)
                producing.add(watch(children, "producer " + p, ItemProducer.class, "" + p, "" + items, "--key", k));
            for (int c = 1; c <= consumers; c++) consuming.add(watch(children, "consumer " + c, ItemConsumer.class, "" + c, "--key", k));
        }
        var everyone = new ArrayList<>(producing);
        everyone.addAll(consuming);
        awaitAll(producing, everyone);
        for (int c = 0; c < consumers; c++) itemQueue.put(NO_MORE);
        long consumed = 0;
        for (int c = 0; c < consumers; c++) consumed += Long.parseLong(nextReport(reports, everyone).split(" ")[1]);
        awaitAll(consuming, everyone);
        System.out.println("produced " + (long) producers * items + " consumed " + consumed);
    }

    /** Starts a child whose future completes when it exits with 0, and fails when it exits otherwise. */
    private static CompletableFuture<Process> watch(List<Process> children, String name, Class<?> main, String... args) {
        Process child = ChildJvm.start(main, args);
        children.add(child);
        return child.onExit().thenApply(p -> {
            if (p.exitValue() != 0) throw new Launch.Failure(name + " failed (exit status " + p.exitValue() + ")");
            return p;
        });
    }

    /** Waits for these to succeed; fails as soon as any child of the run has failed. */
    private static void awaitAll(List<CompletableFuture<Process>> these, List<CompletableFuture<Process>> everyone) throws Exception {
        var failure = new CompletableFuture<Void>();
        everyone.forEach(f -> f.whenComplete((p, e) -> { if (e != null) failure.completeExceptionally(e); }));
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(these.toArray(CompletableFuture[]::new)), failure).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof Launch.Failure f ? f : e;
        }
    }

    /** The next consumer's report; a child's failure while waiting ends the wait. */
    private static String nextReport(ProcessQueue reports, List<CompletableFuture<Process>> everyone) throws Exception {
        while (true) {
            var report = reports.poll(java.time.Duration.ofMillis(100));
            if (report.isPresent()) return report.get();
            for (var f : everyone) {
                if (f.isCompletedExceptionally()) awaitAll(List.of(f), List.of(f));
            }
            if (everyone.stream().allMatch(CompletableFuture::isDone) && reports.size() == 0) {
                throw new Launch.Failure("a consumer exited without reporting its count");
            }
        }
    }
}
