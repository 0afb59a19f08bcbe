package ipclab.sockets;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a blocking step of a test (an accept, a connect, a receive) on a thread of its own. Not
 * the common pool: it may have a single thread on a 2-core machine, and two blocking steps that
 * wait for each other would then never both run.
 */
final class Async {
    private Async() {
    }

    static <T> CompletableFuture<T> supply(Supplier<T> step) {
        var future = new CompletableFuture<T>();
        Thread.ofPlatform().daemon().name("test-step").start(() -> {
            try {
                future.complete(step.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    static CompletableFuture<Void> run(Runnable step) {
        return supply(() -> {
            step.run();
            return null;
        });
    }
}
