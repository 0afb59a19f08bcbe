package ipclab.ipc;

/**
 * A lock that one thread of one process holds at a time, kept in one slot of a
 * {@link SharedSegment}: the course's {@code multiprocessing.Lock}. The slot holds 0 when the
 * lock is free and its owner's process id and thread when it is held; taking it is an atomic
 * compare-and-set from 0, so two processes can never both succeed.
 *
 * <pre>
 *  slot:  63            32 31             0
 *         +---------------+----------------+
 *         | owner pid     | owner thread   |     0 = free
 *         +---------------+----------------+
 * </pre>
 *
 * <pre>{@code
 * SharedLock lock = shm.lock(1);
 * lock.lock();
 * try { shm.set(0, shm.get(0) + 1); } finally { lock.unlock(); }
 * }</pre>
 *
 * <p>Taking the lock orders memory: what the previous owner wrote before {@code unlock} is
 * seen after {@code lock}. A waiter that finds the owner's process gone (it crashed holding the
 * lock) takes the lock over, so a dead process cannot block the others forever. The lock is not
 * reentrant.
 */
public final class SharedLock {
    private static final long PID = ProcessHandle.current().pid();
    private static final long CHECK_OWNER_EVERY_NANOS = 20_000_000;

    private final SharedSegment segment;
    private final long slot;

    SharedLock(SharedSegment segment, long slot) {
        this.segment = segment;
        this.slot = slot;
    }

    public void lock() {
        long me = ownerToken();
        if (segment.getAcquire(slot) == me) throw new IllegalStateException("this thread holds the lock already");
        var backoff = new Backoff();
        long lastCheck = System.nanoTime();
        while (true) {
            long owner = segment.getAcquire(slot);
            if (owner == 0 && segment.compareAndSet(slot, 0, me)) return;
            if (owner != 0 && System.nanoTime() - lastCheck > CHECK_OWNER_EVERY_NANOS) {
                lastCheck = System.nanoTime();
                if (!processAlive(owner >>> 32) && segment.compareAndSet(slot, owner, me)) return;
            }
            backoff.pause();
        }
    }

    /** Takes the lock if it is free now; true if this thread holds it. */
    public boolean tryLock() {
        return segment.compareAndSet(slot, 0, ownerToken());
    }

    public void unlock() {
        if (!segment.compareAndSet(slot, ownerToken(), 0)) {
            throw new IllegalMonitorStateException("this thread does not hold the lock");
        }
    }

    /** Runs the action holding the lock. */
    public void withLock(Runnable action) {
        lock();
        try {
            action.run();
        } finally {
            unlock();
        }
    }

    private static long ownerToken() {
        return PID << 32 | (Thread.currentThread().threadId() & 0xFFFF_FFFFL);
    }

    private static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
