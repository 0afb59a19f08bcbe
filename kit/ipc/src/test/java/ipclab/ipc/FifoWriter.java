package ipclab.ipc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A child for the tests: opens the FIFO at args[0] for writing and writes args[1]. */
public final class FifoWriter {
    public static void main(String[] args) throws Exception {
        try (var out = Files.newOutputStream(Path.of(args[0]))) {
            out.write(args[1].getBytes(StandardCharsets.UTF_8));
        }
    }
}
