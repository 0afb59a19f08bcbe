package ipclab.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import ipclab.ipc.ProcessQueue;

/**
 * Messages over two of the kit's process-safe queues (the course's {@code multiprocessing.Queue}):
 * one each way, as text. The benchmark's messages are ASCII, so a byte is a character.
 */
final class ProcessQueueLink implements Link {
    private final ProcessQueue out;
    private final ProcessQueue in;

    ProcessQueueLink(ProcessQueue out, ProcessQueue in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public void send(byte[] message) {
        out.put(new String(message, StandardCharsets.US_ASCII));
    }

    @Override
    public Optional<byte[]> poll(Duration timeout) {
        return in.poll(timeout).map(text -> text.getBytes(StandardCharsets.US_ASCII));
    }
}
