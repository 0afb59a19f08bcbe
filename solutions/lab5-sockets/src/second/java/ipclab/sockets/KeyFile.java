package ipclab.sockets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import ipclab.ipc.Cli;

/**
 * Reads an authkey from a file: its bytes, one trailing newline ({@code \n} or {@code \r\n})
 * removed. A key never goes on a command line, where {@code ps} shows it to every user of the
 * machine. Given: do not change it.
 *
 * <pre>
 * $ printf 'secret password' > key.txt; chmod 600 key.txt
 * $ ./run MessageServer unix:/tmp/msg.sock --authkey-file key.txt
 * </pre>
 */
public final class KeyFile {
    private KeyFile() {
    }

    /** The key in the file of the required option {@code --authkey-file <file>}; no option is a usage error. */
    public static byte[] fromOption(Cli.Args args) {
        String file = args.options().get("--authkey-file");
        if (file == null) throw new Cli.UsageException(args.usage() + " (the --authkey-file is required)");
        return read(file);
    }

    /** The key in the file; a missing, unreadable or empty file is a usage error (exit status 2). */
    public static byte[] read(String path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new Cli.UsageException("error: cannot read the authkey file " + path);
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') end--;
        if (end > 0 && bytes[end - 1] == '\r') end--;
        if (end == 0) throw new Cli.UsageException("error: the authkey file " + path + " is empty");
        return Arrays.copyOf(bytes, end);
    }
}
