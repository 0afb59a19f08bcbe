package ipclab.pipes;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Wrong: one message a line, as if messages never held a newline. */
public class Channel implements Closeable {
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    static final String END = "END";

    private final BufferedReader in;
    private final OutputStream out;

    public Channel(InputStream in, OutputStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    public synchronized void send(String message) throws IOException {
        byte[] line = (message + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length - 1 > MAX_MESSAGE_BYTES) throw new IllegalArgumentException("message too long");
        out.write(line);
        out.flush();
    }

    public Optional<String> receive() throws IOException {
        return Optional.ofNullable(in.readLine());
    }

    @Override
    public void close() throws IOException {
        try (in; out) {
            // both closed
        }
    }
}
