package ipclab.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Memory shared between processes: a file mapped into each process's address space, so a write
 * by one process is a write into the same physical pages another process reads. On Linux the
 * file lives under {@code /dev/shm} (a memory-backed file system, as POSIX {@code shm_open}
 * does); elsewhere in the temp directory. The memory is seen as 64-bit signed slots in the
 * machine's byte order; this is the kit's answer to the course's {@code Value} and {@code Array}.
 *
 * <pre>
 *  offset 0       8       16                        8·(n-1)    8·n
 *         +-------+-------+-------  . . .  ---------+----------+
 *         | slot 0| slot 1| slot 2                  | slot n-1 |
 *         +-------+-------+-------  . . .  ---------+----------+
 *           each slot: one long, native byte order, 8-byte aligned
 * </pre>
 *
 * <pre>{@code
 * Path path = SharedSegment.newPath("fib");
 * try (var shm = SharedSegment.create(path, 10 * Long.BYTES)) {  // zero-filled
 *     // ... start a child JVM with path.toString(); it calls SharedSegment.open(path) ...
 *     long f9 = shm.get(9);
 * } finally {
 *     SharedSegment.remove(path);     // the file outlives every process unless removed
 * }
 * }</pre>
 *
 * <p>Access kinds: {@link #get}/{@link #set} are plain (no ordering, fine once another
 * process has finished); {@link #getAcquire}/{@link #setRelease} order the accesses around them
 * (a write before {@code setRelease} is seen by a reader after its {@code getAcquire} of that
 * value); {@link #getAndAdd} and {@link #compareAndSet} are atomic read-modify-writes.
 * {@link #lock(int)} gives a lock kept in a slot. Closing unmaps the memory in this process;
 * {@link #remove} deletes the file.
 */
public final class SharedSegment implements AutoCloseable {
    private static final VarHandle SLOT = JAVA_LONG.varHandle();

    private final Path path;
    private final Arena arena;
    private final MemorySegment memory;

    private SharedSegment(Path path, Arena arena, MemorySegment memory) {
        this.path = path;
        this.arena = arena;
        this.memory = memory;
    }

    /**
     * Where the kit keeps segments: the folder named by the environment variable
     * {@code IPCLAB_SHM_DIR} if set (the testkit gives each test its own), else {@code /dev/shm}
     * where it exists, else the temp directory.
     */
    public static Path directory() {
        String chosen = System.getenv("IPCLAB_SHM_DIR");
        if (chosen != null && !chosen.isBlank() && Files.isDirectory(Path.of(chosen))) return Path.of(chosen);
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A fresh path for a new segment in {@link #directory()}, named {@code ipclab-<prefix>-<random>}. */
    public static Path newPath(String prefix) {
        return directory().resolve("ipclab-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Creates a new segment of {@code bytes} bytes, all zero, at a path where nothing exists yet. */
    public static SharedSegment create(Path path, long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("a segment cannot have " + bytes + " bytes");
        try (var channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (bytes > 0) {
                channel.write(java.nio.ByteBuffer.allocate(1), bytes - 1);
            }
            return map(path, channel, bytes);
        } catch (FileAlreadyExistsException e) {
            throw new IpcException("something already exists at " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a shared memory segment at " + path + ": " + e.getMessage(), e);
        }
    }

    /** Maps an existing segment, all of it. {@link IpcException.NoSuchSegmentException} if there is none. */
    public static SharedSegment open(Path path) {
        try (var channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return map(path, channel, channel.size());
        } catch (NoSuchFileException e) {
            throw new IpcException.NoSuchSegmentException(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the shared memory segment at " + path + ": " + e.getMessage(), e);
        }
    }

    private static SharedSegment map(Path path, FileChannel channel, long bytes) throws IOException {
        var arena = Arena.ofShared();
        try {
            var memory = bytes == 0 ? MemorySegment.NULL : channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
            return new SharedSegment(path, arena, memory);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Deletes the segment's file if it is there; processes that mapped it keep their memory until they close it. */
    public static void remove(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the shared memory segment at " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public long byteSize() {
        return memory.byteSize();
    }

    /** How many whole 64-bit slots the segment holds. */
    public long slots() {
        return memory.byteSize() / Long.BYTES;
    }

    /** The mapped memory itself, for layouts other than slots. */
    public MemorySegment memory() {
        return memory;
    }

    public long get(long slot) {
        return (long) SLOT.get(memory, offset(slot));
    }

    public void set(long slot, long value) {
        SLOT.set(memory, offset(slot), value);
    }

    public long getAcquire(long slot) {
        return (long) SLOT.getAcquire(memory, offset(slot));
    }

    public void setRelease(long slot, long value) {
        SLOT.setRelease(memory, offset(slot), value);
    }

    /** Atomically adds delta to the slot and returns the value it had before. */
    public long getAndAdd(long slot, long delta) {
        return (long) SLOT.getAndAdd(memory, offset(slot), delta);
    }

    /** Atomically sets the slot to {@code value} if it holds {@code expected}; true if it did. */
    public boolean compareAndSet(long slot, long expected, long value) {
        return SLOT.compareAndSet(memory, offset(slot), expected, value);
    }

    /** The lock that lives in this slot (see {@link SharedLock}); every process must agree which slot it is. */
    public SharedLock lock(long slot) {
        return new SharedLock(this, slot);
    }

    private long offset(long slot) {
        if (slot < 0 || slot >= slots()) {
            throw new IndexOutOfBoundsException("slot " + slot + " is outside the segment's " + slots() + " slots");
        }
        return slot * Long.BYTES;
    }

    /** Unmaps the memory in this process; the segment stays (use {@link #remove(Path)}). */
    @Override
    public void close() {
        arena.close();
    }

    @Override
    public String toString() {
        return "SharedSegment[" + path + ", " + byteSize() + " bytes]";
    }
}
