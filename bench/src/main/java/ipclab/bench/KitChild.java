package ipclab.bench;

import java.nio.file.Path;

import ipclab.ipc.SharedSegment;

/**
 * A child JVM that does what Lab 1's child does, in miniature: maps the segment at the path it
 * is given and writes one slot. It loads the kit's classes and the foreign-memory API, which is
 * what class-data sharing and an AOT cache can speed up.
 */
public final class KitChild {
    private KitChild() {
    }

    public static void main(String[] args) {
        try (var shm = SharedSegment.open(Path.of(args[0]))) {
            shm.setRelease(0, ProcessHandle.current().pid());
        }
    }
}
