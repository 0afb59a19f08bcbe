package ipclab.bench;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

import ipclab.ipc.SharedSegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
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
 *  base + 64    +----------------------+
 *               | tail (long)          |  messages published so far (producer writes)
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
 */
final class ShmRing {
    private static final long HEADER = 128;

    private final SharedSegment shm;
    private final MemorySegment memory;
    private final long headSlot;
    private final long tailSlot;
    private final long firstEntry;
    private final long stride;
    private final int entries;
    private final int capacity;

    ShmRing(SharedSegment shm, long base, int entries, int capacity) {
        this.shm = shm;
        this.memory = shm.memory();
        this.headSlot = base / Long.BYTES;
        this.tailSlot = (base + 64) / Long.BYTES;
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
        var wait = new SpinWait(deadlineNanos);
        while (tail - shm.getAcquire(headSlot) >= entries) {
            if (!wait.pause()) return false;
        }
        long entry = firstEntry + (tail % entries) * stride;
        memory.set(JAVA_LONG, entry, message.length);
        MemorySegment.copy(message, 0, memory, JAVA_BYTE, entry + Long.BYTES, message.length);
        shm.setRelease(tailSlot, tail + 1);  // the entry's bytes are visible before the new tail
        return true;
    }

    /** Takes the next message; empty if none was published before the deadline. */
    Optional<byte[]> take(long deadlineNanos) {
        long head = shm.get(headSlot);  // only this process writes head
        var wait = new SpinWait(deadlineNanos);
        while (shm.getAcquire(tailSlot) == head) {
            if (!wait.pause()) return Optional.empty();
        }
        long entry = firstEntry + (head % entries) * stride;
        int n = (int) memory.get(JAVA_LONG, entry);
        byte[] message = new byte[n];
        MemorySegment.copy(memory, JAVA_BYTE, entry + Long.BYTES, message, 0, n);
        shm.setRelease(headSlot, head + 1);  // the entry may be reused only after we copied it
        return Optional.of(message);
    }
}
