package ipclab.ipc;

import java.nio.file.Path;

/** A child for the tests: takes the lock in slot 1, says "locked" and then waits, holding it, until killed. */
public final class LockHolder {
    public static void main(String[] args) throws Exception {
        var shm = SharedSegment.open(Path.of(args[0]));
        shm.lock(1).lock();
        System.out.println("locked");
        System.out.flush();
        System.in.read();  // holds the lock until stdin ends or the process is killed
    }
}
