package ipclab.queues;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a pool call on its own (daemon) thread, so that a test can wait for it with a deadline
 * while it opens gates or kills workers, and a call that hangs fails the test instead of
 * hanging it.
 */
final class Calls {
    private Calls() {
    }

    static <T> CompletableFuture<T> inBackground(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, r -> Thread.ofPlatform().daemon().name("pool-call").start(r));
    }

    /** What the call returned; fails the test if it threw or is still running after the time. */
    static <T> T resultWithin(CompletableFuture<T> call, Duration within) {
        try {
            return call.get(Timing.scaled(within).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the call threw " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return fail("the call did not return within %d s", within.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** What the call threw; fails the test if it returned or is still running after the time. */
    static Throwable failureWithin(CompletableFuture<?> call, Duration within) {
        try {
            return fail("the call returned %s instead of throwing", call.get(Timing.scaled(within).toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return fail("the call neither returned nor threw within %d s", within.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
