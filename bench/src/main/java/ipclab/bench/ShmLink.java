package ipclab.bench;

import java.time.Duration;
import java.util.Optional;

import ipclab.ipc.SharedSegment;

/**
 * Messages through shared memory: one segment holding two {@link ShmRing}s, benchmark → peer at
 * offset 0 and peer → benchmark after it. No system call per message: the two processes only
 * read and write the same pages, and wait for each other by spinning, then sleeping on a futex.
 */
final class ShmLink implements Link {
    static final int ENTRIES = 4;

    private final SharedSegment shm;
    private final ShmRing out;
    private final ShmRing in;

    private ShmLink(SharedSegment shm, ShmRing out, ShmRing in) {
        this.shm = shm;
        this.out = out;
        this.in = in;
    }

    static long segmentBytes(int capacity) {
        return 2 * ShmRing.bytes(ENTRIES, capacity);
    }

    /** The benchmark's end: sends on the first ring, receives on the second. */
    static ShmLink bench(SharedSegment shm, int capacity) {
        long second = ShmRing.bytes(ENTRIES, capacity);
        return new ShmLink(shm, new ShmRing(shm, 0, ENTRIES, capacity), new ShmRing(shm, second, ENTRIES, capacity));
    }

    /** The peer's end: the other way round. */
    static ShmLink peer(SharedSegment shm, int capacity) {
        long second = ShmRing.bytes(ENTRIES, capacity);
        return new ShmLink(shm, new ShmRing(shm, second, ENTRIES, capacity), new ShmRing(shm, 0, ENTRIES, capacity));
    }

    @Override
    public void send(byte[] message) throws java.io.IOException {
        if (!out.put(message, System.nanoTime() + PATIENCE.toNanos())) {
            throw new java.io.IOException("the peer took nothing from shared memory within " + PATIENCE.toSeconds() + " s");
        }
    }

    @Override
    public Optional<byte[]> poll(Duration timeout) {
        return in.take(System.nanoTime() + timeout.toNanos());
    }

    @Override
    public void close() {
        shm.close();
    }
}
