package ipclab.ipc;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(120)
class SharedSegmentTest {
    private final Path path = SharedSegment.newPath("unit");

    @AfterEach
    void removeSegment() {
        SharedSegment.remove(path);
    }

    @Test
    void aNewSegmentIsAZeroFilledFileOfTheRequestedSize() throws Exception {
        try (var shm = SharedSegment.create(path, 10 * Long.BYTES)) {
            assertThat(shm.slots()).isEqualTo(10);
            assertThat(Files.size(path)).isEqualTo(80);
            for (int i = 0; i < 10; i++) assertThat(shm.get(i)).isZero();
        }
        if (Files.isDirectory(Path.of("/dev/shm")) && System.getenv("IPCLAB_SHM_DIR") == null) {
            assertThat(path.getParent()).isEqualTo(Path.of("/dev/shm"));
        }
    }

    @Test
    void aSecondMappingSeesTheFirstOnesWrites() {
        try (var a = SharedSegment.create(path, 32); var b = SharedSegment.open(path)) {
            a.set(0, 42);
            a.setRelease(3, -7);
            assertThat(b.get(0)).isEqualTo(42);
            assertThat(b.getAcquire(3)).isEqualTo(-7);
            assertThat(b.getAndAdd(0, 8)).isEqualTo(42);
            assertThat(a.get(0)).isEqualTo(50);
            assertThat(b.compareAndSet(0, 49, 1)).isFalse();
            assertThat(b.compareAndSet(0, 50, 1)).isTrue();
            assertThat(a.get(0)).isEqualTo(1);
        }
    }

    @Test
    void anEmptySegmentHasNoSlots() {
        try (var shm = SharedSegment.create(path, 0); var again = SharedSegment.open(path)) {
            assertThat(shm.slots()).isZero();
            assertThat(again.slots()).isZero();
            assertThatThrownBy(() -> shm.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void slotsOutsideTheSegmentAreRefused() {
        try (var shm = SharedSegment.create(path, 16)) {
            assertThatThrownBy(() -> shm.set(2, 1)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("slot 2");
            assertThatThrownBy(() -> shm.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void openingAMissingSegmentSaysWhere() {
        assertThatThrownBy(() -> SharedSegment.open(path))
                .isInstanceOf(IpcException.NoSuchSegmentException.class)
                .hasMessage("no shared memory segment at " + path);
    }

    @Test
    void creatingOverAnExistingFileIsRefused() {
        SharedSegment.create(path, 8).close();
        assertThatThrownBy(() -> SharedSegment.create(path, 8)).isInstanceOf(IpcException.class).hasMessageContaining("already exists");
    }

    @Test
    void removeDeletesTheFile() {
        SharedSegment.create(path, 8).close();
        SharedSegment.remove(path);
        assertThat(path).doesNotExist();
        SharedSegment.remove(path);  // and is harmless when it is gone
    }

    @Test
    void atomicAddsFromTwoProcessesAreNeverLost() throws Exception {
        try (var shm = SharedSegment.create(path, 16); var children = new Children()) {
            var a = children.start(SegmentAdder.class, path.toString(), "200000", "atomic");
            var b = children.start(SegmentAdder.class, path.toString(), "200000", "atomic");
            assertThat(Children.exitStatus(a)).as(Children.stderr(a)).isZero();
            assertThat(Children.exitStatus(b)).as(Children.stderr(b)).isZero();
            assertThat(shm.get(0)).isEqualTo(400_000);
        }
    }

    @Test
    void theLockExcludesOtherProcesses() throws Exception {
        try (var shm = SharedSegment.create(path, 16); var children = new Children()) {
            var a = children.start(SegmentAdder.class, path.toString(), "50000", "locked");
            var b = children.start(SegmentAdder.class, path.toString(), "50000", "locked");
            var lock = shm.lock(1);
            for (int i = 0; i < 50_000; i++) {
                lock.lock();
                try {
                    shm.set(0, shm.get(0) + 1);
                } finally {
                    lock.unlock();
                }
            }
            assertThat(Children.exitStatus(a)).as(Children.stderr(a)).isZero();
            assertThat(Children.exitStatus(b)).as(Children.stderr(b)).isZero();
            assertThat(shm.get(0)).isEqualTo(150_000);
            assertThat(shm.get(1)).as("the lock is free at the end").isZero();
        }
    }

    @Test
    void theLockExcludesOtherThreadsOfTheSameProcess() throws Exception {
        try (var shm = SharedSegment.create(path, 16)) {
            var lock = shm.lock(1);
            Runnable add = () -> {
                for (int i = 0; i < 100_000; i++) lock.withLock(() -> shm.set(0, shm.get(0) + 1));
            };
            var t1 = Thread.ofPlatform().start(add);
            var t2 = Thread.ofPlatform().start(add);
            t1.join();
            t2.join();
            assertThat(shm.get(0)).isEqualTo(200_000);
        }
    }

    @Test
    void onlyTheOwnerCanUnlockAndTheLockIsNotReentrant() {
        try (var shm = SharedSegment.create(path, 16)) {
            var lock = shm.lock(1);
            assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
            assertThat(lock.tryLock()).isTrue();
            assertThat(lock.tryLock()).isFalse();
            assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class);
            lock.unlock();
        }
    }

    @Test
    void aLockHeldByAProcessThatDiedIsTakenOver() throws Exception {
        try (var shm = SharedSegment.create(path, 16); var children = new Children()) {
            var holder = children.start(LockHolder.class, path.toString());
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
            assertThat(reader.readLine()).isEqualTo("locked");
            var lock = shm.lock(1);
            assertThat(lock.tryLock()).isFalse();
            holder.destroyForcibly().waitFor();
            lock.lock();  // finds the owner dead and takes the lock over
            assertThat(shm.get(1) >>> 32).isEqualTo(ProcessHandle.current().pid());
            lock.unlock();
        }
    }
}
