package ipclab.ipc;

import java.util.concurrent.locks.LockSupport;

/**
 * How the kit waits for something another process will do (a message to arrive, a lock to be
 * freed) without blocking forever inside native code: try again, first spinning for a few
 * microseconds (the answer usually comes that fast when both sides are busy), then yielding the
 * core, then sleeping a little longer each time, never more than {@link #MAX_PARK_NANOS}.
 *
 * <p>Use one per wait: {@code var backoff = new Backoff(); while (!ready()) backoff.pause();}.
 * {@link #pause()} throws {@link IpcException.WaitInterruptedException} if the thread is
 * interrupted, so every wait in the kit can be interrupted.
 */
final class Backoff {
    static final long MAX_PARK_NANOS = 1_000_000;
    private static final int SPINS = 64;
    private static final int YIELDS = 64;

    private int attempts;
    private long parkNanos = 20_000;

    void pause() {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IpcException.WaitInterruptedException();
        }
        attempts++;
        if (attempts <= SPINS) {
            Thread.onSpinWait();
        } else if (attempts <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(MAX_PARK_NANOS, parkNanos * 2);
        }
    }

    /** Pauses, but not past the deadline ({@link System#nanoTime()}); false if it has passed. */
    boolean pauseUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) return false;
        if (attempts > SPINS + YIELDS && parkNanos > left) parkNanos = left;
        pause();
        return true;
    }
}
