package ipclab.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A named pipe (FIFO): a pipe with a name in the file system, so that two processes that are
 * not parent and child can find it. It holds no data on disk; what one process writes, another
 * reads. Opening it for reading waits until a writer opens it, and the other way round. Open
 * it with the usual file streams ({@code Files.newInputStream(path)}).
 *
 * <pre>{@code
 * Path fifo = NamedPipe.create(Path.of("/tmp/chat"));  // mkfifo /tmp/chat, mode 0600
 * try (var in = Files.newInputStream(fifo)) { ... }      // waits for a writer
 * NamedPipe.remove(fifo);                                // the name stays until removed
 * }</pre>
 */
public final class NamedPipe {
    private NamedPipe() {
    }

    /** Creates a FIFO at the path with mode 0600; fails if anything is there already. */
    public static Path create(Path path) {
        return create(path, 0600);
    }

    /** Creates a FIFO at the path with the mode (as {@code mkfifo(3)}, less the umask). */
    public static Path create(Path path, int mode) {
        var platform = Platform.CURRENT;
        try (var arena = Arena.ofConfined()) {
            var state = Libc.newCallState(arena);
            if (Libc.mkfifo(state, arena.allocateFrom(path.toString()), mode) != 0) {
                int errno = Libc.errno(state);
                if (errno == platform.eexist()) throw new IpcException("something already exists at " + path);
                if (errno == platform.enoent()) throw new IpcException("no directory " + path.toAbsolutePath().getParent());
                if (errno == platform.eacces()) throw new IpcException.PermissionDeniedException("cannot create a named pipe at " + path);
                throw new IpcException("cannot create a named pipe at " + path + ": " + Libc.describe(errno));
            }
            return path;
        }
    }

    /** Whether a FIFO (and not some other kind of file) is at the path. */
    public static boolean isNamedPipe(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()
                    && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the FIFO's name if it is there. */
    public static void remove(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the named pipe at " + path + ": " + e.getMessage(), e);
        }
    }
}
