package ipclab.bench;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import ipclab.ipc.Futex;
import ipclab.ipc.SharedSegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A one-way ring of message slots in a {@link SharedSegment}: one producer process, one consumer
 * process, no lock. The producer copies a message into the next free entry and then publishes
 * it by advancing {@code tail} with a release store; the consumer sees it by an acquire load of
 * {@code tail}, copies it out and frees the entry by advancing {@code head}. Both counters only
 * grow; entry i lives at {@code i mod entries}.
 *
 * <pre>
 *  base + 0     +----------------------+
 *               | head (long)          |  messages taken so far (consumer writes)
 *  base + 8     | consumer asleep (int)|  1 while the consumer sleeps on tail (consumer writes)
 *  base + 64    +----------------------+
 *               | tail (long)          |  messages published so far (producer writes)
 *  base + 72    | producer asleep (int)|  1 while the producer sleeps on head (producer writes)
 *  base + 128   +----------------------+----------------------------------+
 *               | length n (long)      | n bytes of message, room for     |  entry 0
 *               |                      | capacity (padded to 64 bytes)    |
 *               +----------------------+----------------------------------+
 *               | ...                                                     |  entry 1 … entries-1
 *               +---------------------------------------------------------+
 * </pre>
 *
 * The counters sit 64 bytes apart so that the two processes do not fight over one cache line.
 * 0 ≤ tail − head ≤ entries always holds.
 *
 * <p>Waiting: a side that finds the ring empty (or full) spins a while — the other side is often
 * that close; between {@value #MIN_SPINS} and {@value #MAX_SPINS} rounds, fewer while spinning has
 * not paid off lately — and then sleeps in the kernel on the counter it waits for
 * ({@link Futex}, on the counter's low 32 bits), after raising its "asleep" flag. The other side
 * checks that flag after each counter update and wakes it: no system call at all while both
 * sides keep up, one wake-up when one of them had to sleep.
 * Without futexes (not Linux) the sleep is a short nap.
 */
final class ShmRing {
    private static final long HEADER = 128;
    static final int MIN_SPINS = 16;
    static final int MAX_SPINS = 1024;
    private static final long NAP_NANOS = 50_000;
    private static final long LOW_HALF = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : Integer.BYTES;
    private static final VarHandle FLAG = JAVA_INT.varHandle();

    private final SharedSegment shm;
    private final MemorySegment memory;
    private final long headSlot;
    private final long tailSlot;
    private final MemorySegment headWord;
    private final MemorySegment tailWord;
    private final long consumerAsleep;
    private final long producerAsleep;
    private final long firstEntry;
    private final long stride;
    private final int entries;
    private final int capacity;
    private int spins = MAX_SPINS;  // how long this end spins before it sleeps: adapts to what paid off lately
    private boolean slept;

    ShmRing(SharedSegment shm, long base, int entries, int capacity) {
        this.shm = shm;
        this.memory = shm.memory();
        this.headSlot = base / Long.BYTES;
        this.tailSlot = (base + 64) / Long.BYTES;
        this.headWord = memory.asSlice(base + LOW_HALF, Integer.BYTES);
        this.tailWord = memory.asSlice(base + 64 + LOW_HALF, Integer.BYTES);
        this.consumerAsleep = base + 8;
        this.producerAsleep = base + 72;
        this.firstEntry = base + HEADER;
        this.stride = stride(capacity);
        this.entries = entries;
        this.capacity = capacity;
    }

    /** The bytes one ring takes. */
    static long bytes(int entries, int capacity) {
        return HEADER + entries * stride(capacity);
    }

    private static long stride(int capacity) {
        return (Long.BYTES + capacity + 63) / 64 * 64;
    }

    /** Copies the message into the next entry and publishes it; false if no entry was free before the deadline. */
    boolean put(byte[] message, long deadlineNanos) {
        if (message.length > capacity) throw new IllegalArgumentException(message.length + " bytes do not fit an entry of " + capacity);
        long tail = shm.get(tailSlot);  // only this process writes tail
        long head;
        slept = false;
        for (int round = 0; tail - (head = shm.getAcquire(headSlot)) >= entries; round++) {
            if (!pause(round, headWord, (int) head, producerAsleep, deadlineNanos)) return false;
        }
        adaptSpins();
        long entry = firstEntry + (tail % entries) * stride;
        memory.set(JAVA_LONG, entry, message.length);
        MemorySegment.copy(message, 0, memory, JAVA_BYTE, entry + Long.BYTES, message.length);
        shm.setRelease(tailSlot, tail + 1);  // the entry's bytes are visible before the new tail
        wakeIfAsleep(consumerAsleep, tailWord);
        return true;
    }

    /** Takes the next message; empty if none was published before the deadline. */
    Optional<byte[]> take(long deadlineNanos) {
        long head = shm.get(headSlot);  // only this process writes head
        slept = false;
        for (int round = 0; shm.getAcquire(tailSlot) == head; round++) {
            if (!pause(round, tailWord, (int) head, consumerAsleep, deadlineNanos)) return Optional.empty();
        }
        adaptSpins();
        long entry = firstEntry + (head % entries) * stride;
        int n = (int) memory.get(JAVA_LONG, entry);
        byte[] message = new byte[n];
        MemorySegment.copy(memory, JAVA_BYTE, entry + Long.BYTES, message, 0, n);
        shm.setRelease(headSlot, head + 1);  // the entry may be reused only after we copied it
        wakeIfAsleep(producerAsleep, headWord);
        return Optional.of(message);
    }

    /**
     * One round of waiting while the other side's counter still shows {@code seen} (its low 32
     * bits): a spin, or, after {@link #spins} rounds, a sleep until the other side changes the
     * counter and wakes us. False once the deadline has passed.
     */
    private boolean pause(int round, MemorySegment counter, int seen, long asleepFlag, long deadlineNanos) {
        if (round < spins) {
            Thread.onSpinWait();
            return true;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) return false;
        if (!Futex.AVAILABLE) {
            LockSupport.parkNanos(Math.min(left, NAP_NANOS));
            return true;
        }
        slept = true;
        FLAG.setVolatile(memory, asleepFlag, 1);  // before the kernel looks at the counter once more
        Futex.await(counter, seen, left);          // sleeps only if the counter still shows seen
        FLAG.setOpaque(memory, asleepFlag, 0);
        return true;
    }

    /** Spins longer after a wait that spinning ended, shorter after one that had to sleep (on a busy machine, spinning takes the core the other side needs). */
    private void adaptSpins() {
        spins = slept ? Math.max(MIN_SPINS, spins / 2) : Math.min(MAX_SPINS, spins * 2);
    }

    /** After our counter moved: wake the other side if it said it sleeps on it. */
    private void wakeIfAsleep(long asleepFlag, MemorySegment counter) {
        VarHandle.fullFence();  // our counter's new value is visible before we look at the flag (it does the reverse)
        if ((int) FLAG.getVolatile(memory, asleepFlag) != 0 && Futex.AVAILABLE) Futex.wake(counter, 1);
    }
}
