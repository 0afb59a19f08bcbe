package ipclab.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The shared-memory link's way to wait for the other process: spin on the CPU for a while (an
 * answer that comes within microseconds is seen at once), then yield the core, then park in
 * short naps. One per wait: {@code var w = new SpinWait(deadline); while (!ready()) w.pause();}.
 */
final class SpinWait {
    private static final int SPINS = 2_000;
    private static final int YIELDS = 200;
    private static final long NAP_NANOS = 50_000;

    private final long deadline;
    private int attempts;

    SpinWait(long deadlineNanos) {
        this.deadline = deadlineNanos;
    }

    /** Waits a little; false once the deadline has passed. */
    boolean pause() {
        attempts++;
        if ((attempts & 255) == 0 && System.nanoTime() - deadline > 0) return false;
        if (attempts <= SPINS) {
            Thread.onSpinWait();
        } else if (attempts <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            if (System.nanoTime() - deadline > 0) return false;
            LockSupport.parkNanos(NAP_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
