package ipclab.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Messages over a pair of byte streams (a child JVM's stdin and stdout, or a stream socket's two
 * directions), framed as Lab 3 frames them — and as Lab 5's {@code KvServer} and Python's
 * {@code multiprocessing.Connection.send_bytes} do:
 *
 * <pre>
 *  0                 4                               4 + n
 *  +-----------------+-------------------------------+
 *  | n: int32, big   | n bytes of message            |
 *  | endian          |                               |
 *  +-----------------+-------------------------------+
 * </pre>
 *
 * {@link #send} flushes: the whole frame is in the pipe when it returns. Reading blocks; a peer
 * that dies closes the pipe (or socket), which ends the read with an {@link EOFException}.
 */
final class PipeLink implements Link {
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private final DataInputStream in;
    private final DataOutputStream out;

    PipeLink(InputStream in, OutputStream out) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(out, 64 * 1024));
    }

    @Override
    public void send(byte[] message) throws IOException {
        out.writeInt(message.length);
        out.write(message);
        out.flush();
    }

    @Override
    public Optional<byte[]> poll(Duration ignored) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_BYTES) throw new IOException("a frame header announces " + Integer.toUnsignedString(n) + " bytes");
        byte[] message = new byte[n];
        in.readFully(message);
        return Optional.of(message);
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            in.close();
        }
    }
}
