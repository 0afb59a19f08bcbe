package ipclab.pipes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The student's {@link Channel}, in this JVM: framing, limits, broken input, and two threads.
 * "A real pipe" here is {@link java.nio.channels.Pipe}, an operating-system pipe on Linux,
 * which hands a reader whatever has arrived (a frame may come in pieces).
 */
@LabTest
@DisplayName("Channel: messages framed on a byte stream")
class ChannelHiddenTest {
    private static final int MIB = 1 << 20;
    private static final int LIMIT = 16 * MIB;

    @Test
    @Points(2)
    @DisplayName("messages with newlines, unicode, or nothing at all come back exactly as they were sent")
    void anyTextComesBackExactly() throws IOException {
        var messages = List.of("hello", "two\nlines\n", "\n", "", "tabs\tand\r\nCRLF", "héllo wörld",
                "日本語のテキスト", "emoji 🎉 and a clef 𝄞", "e\u0301 combining accent", "nul \0 inside", "END?");
        assertThat(receiveAll(sentBy(messages))).containsExactlyElementsOf(messages);
    }

    @Test
    @Points(2)
    @DisplayName("a frame is the length as 4 bytes, most significant first, then the UTF-8 bytes")
    void frameIsBigEndianLengthThenUtf8() throws IOException {
        assertThat(sentBy(List.of("hey"))).containsExactly(Frames.of(0, 0, 0, 3, 'h', 'e', 'y'));
        assertThat(sentBy(List.of(""))).containsExactly(Frames.of(0, 0, 0, 0));
        assertThat(sentBy(List.of("é"))).as("é is 2 bytes of UTF-8: the length counts bytes, not chars")
                .containsExactly(Frames.of(0, 0, 0, 2, 0xC3, 0xA9));
        byte[] long300 = sentBy(List.of("x".repeat(300)));
        assertThat(Arrays.copyOf(long300, 4)).as("the header of a 300-byte message").containsExactly(Frames.of(0, 0, 1, 0x2C));
        byte[] long66051 = sentBy(List.of("y".repeat(0x010203)));
        assertThat(Arrays.copyOf(long66051, 4)).as("the header of a 66051-byte (0x010203) message")
                .containsExactly(Frames.of(0, 1, 2, 3));
        assertThat(long66051).hasSize(4 + 0x010203);
    }

    @Test
    @Points(2)
    @DisplayName("receive reads frames written by someone else")
    void readsFramesMadeElsewhere() throws IOException {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(Frames.bytes("hello", "wörld", ""));
        bytes.writeBytes(Frames.of(0, 1, 2, 3));
        bytes.writeBytes("z".repeat(0x010203).getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(Frames.bytes("END"));
        assertThat(receiveAll(bytes.toByteArray())).containsExactly("hello", "wörld", "", "z".repeat(0x010203), "END");
    }

    @Test
    @Points(2)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a 1 MiB message crosses a real pipe whole, though the pipe delivers it in pieces")
    void oneMebibyteMessageOverARealPipe() throws Exception {
        var big = new StringBuilder();
        for (int i = 0; big.length() < MIB; i++) big.append(i).append(i % 7 == 0 ? "\n" : " ").append(i % 11 == 0 ? "ü" : "");
        var messages = List.of("before", big.toString(), "after");
        assertSameMessages(throughARealPipe(messages), messages);
    }

    @Test
    @Points(1)
    @DisplayName("a message of exactly 16 MiB of UTF-8 is allowed")
    void exactly16MiBIsAllowed() throws IOException {
        String twoBytesEach = "é".repeat(LIMIT / 2);
        byte[] frame = sentBy(List.of(twoBytesEach));
        assertThat(frame.length).isEqualTo(4 + LIMIT);
        assertThat(Arrays.copyOf(frame, 4)).containsExactly(Frames.of(1, 0, 0, 0));
        assertThat(receiveAll(frame).getFirst().equals(twoBytesEach)).as("the 16 MiB message came back").isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("a message over 16 MiB of UTF-8 is refused with IllegalArgumentException, nothing is written, and the channel still works")
    void over16MiBIsRefusedAndWritesNothing() throws IOException {
        for (String tooLong : List.of("x".repeat(LIMIT + 1), "é".repeat(LIMIT / 2) + "a")) {
            var out = new ByteArrayOutputStream();
            var channel = new Channel(InputStream.nullInputStream(), out);
            assertThatThrownBy(() -> channel.send(tooLong))
                    .as("send of %d chars = %d bytes of UTF-8", tooLong.length(), tooLong.getBytes(StandardCharsets.UTF_8).length)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(out.size()).as("bytes written by the refused send").isZero();
            channel.send("still usable");
            assertThat(out.toByteArray()).containsExactly(Frames.bytes("still usable"));
        }
    }

    @Test
    @Points(1)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("10,000 small messages cross a real pipe in order")
    void tenThousandMessagesOverARealPipe() throws Exception {
        var messages = IntStream.range(0, 10_000).mapToObj(i -> i % 100 == 0 ? "" : "message " + i).toList();
        assertSameMessages(throughARealPipe(messages), messages);
    }

    @Test
    @Points(1)
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("when send returns, the whole frame is in the pipe (it was flushed)")
    void sendHasWrittenTheFrameWhenItReturns() throws IOException {
        var pipe = Pipe.open();
        try (var channel = new Channel(InputStream.nullInputStream(), Channels.newOutputStream(pipe.sink()));
                var source = pipe.source()) {
            channel.send("are you there?");
            source.configureBlocking(false);  // take what is in the pipe now, without waiting for more
            var inPipe = ByteBuffer.allocate(100);
            while (source.read(inPipe) > 0) {
                // a non-blocking read returns 0 once the pipe is empty
            }
            assertThat(Arrays.copyOf(inPipe.array(), inPipe.position())).as("the bytes in the pipe after send returned")
                    .containsExactly(Frames.bytes("are you there?"));
        }
    }

    @Test
    @Points(2)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("one thread can send while another thread waits in receive on the same channel")
    void sendsWhileAnotherThreadWaitsInReceive() throws Exception {
        var toChannel = Pipe.open();
        var fromChannel = Pipe.open();
        var reading = new CountDownLatch(1);
        InputStream in = new FilterInputStream(Channels.newInputStream(toChannel.source())) {
            @Override
            public int read() throws IOException {
                reading.countDown();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                reading.countDown();
                return super.read(b, off, len);
            }
        };
        try (var channel = new Channel(in, Channels.newOutputStream(fromChannel.sink()));
                var peer = new Channel(Channels.newInputStream(fromChannel.source()), Channels.newOutputStream(toChannel.sink()))) {
            var received = new FutureTask<>(channel::receive);
            Thread.ofPlatform().daemon().name("test-receiver").start(received);
            await().atMost(Timing.scaled(Duration.ofSeconds(20))).until(() -> reading.getCount() == 0 || received.isDone());
            if (received.isDone()) fail("receive() returned " + received.get() + " from an empty pipe instead of waiting");
            var sent = new FutureTask<Void>(() -> {
                channel.send("ping");
                return null;
            });
            Thread.ofPlatform().daemon().name("test-sender").start(sent);
            try {
                sent.get(Timing.scaled(Duration.ofSeconds(10)).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                fail("send() did not return while another thread was waiting in receive(): do send and receive wait for the same lock?");
            }
            assertThat(peer.receive()).contains("ping");
            peer.send("pong");
            assertThat(received.get(Timing.scaled(Duration.ofSeconds(10)).toMillis(), TimeUnit.MILLISECONDS)).contains("pong");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a frame cut short (in its header or its body) is an EOFException")
    void frameCutShortIsEofException() throws IOException {
        for (byte[] cut : List.of(Frames.of(0), Frames.of(0, 0, 0), Frames.of(0, 0, 0, 5), Frames.of(0, 0, 0, 5, 'h', 'e'))) {
            var channel = receiving(cut);
            assertThatThrownBy(channel::receive).as("receive on %s", Arrays.toString(cut)).isInstanceOf(EOFException.class);
        }
        var channel = receiving(concat(Frames.bytes("whole"), Frames.of(0, 0, 0, 9, 'p', 'a', 'r', 't')));
        assertThat(channel.receive()).contains("whole");
        assertThatThrownBy(channel::receive).isInstanceOf(EOFException.class);
    }

    @Test
    @Points(1)
    @DisplayName("the stream ending cleanly between frames gives an empty Optional")
    void cleanEndIsEmpty() throws IOException {
        assertThat(receiving(new byte[0]).receive()).isEmpty();
        var channel = receiving(Frames.bytes("one", ""));
        assertThat(channel.receive()).contains("one");
        assertThat(channel.receive()).contains("");
        assertThat(channel.receive()).isEmpty();
    }

    @Test
    @Points(2)
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a header announcing more than 16 MiB is an IOException, and the body is not read")
    void headerOver16MiBIsRejectedBeforeTheBody() {
        // The stream really holds the announced bytes (16 MiB + 1): a receive that trusts the
        // header reads them all; one that checks first stops after the header (a read-ahead
        // buffer of up to 64 KiB is allowed).
        var stream = new HeaderThenBody(LIMIT + 1L, LIMIT + 1L);
        assertThatThrownBy(() -> new Channel(stream, OutputStream.nullOutputStream()).receive()).isInstanceOf(IOException.class);
        assertThat(stream.consumed()).as("bytes read from the stream, header included").isLessThanOrEqualTo(4 + 64 * 1024);
    }

    @Test
    @Points(2)
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("the length is unsigned: headers announcing 2 GiB - 1, 2 GiB (0x80000000) or 4 GiB - 1 (0xFFFFFFFF) are an IOException at once")
    void lengthIsUnsigned() {
        // Read as a signed int these are negative: a check "length > 16 MiB" lets them through
        // to new byte[negative] or readNBytes(negative), which throw no IOException. Only a
        // header is in the stream (then 1 MiB): nothing can be allocated from it or wait for it.
        for (long announced : List.of(0x8000_0000L, 0xFFFF_FFFFL, 0x7FFF_FFFFL)) {
            for (long body : List.of(0L, (long) MIB)) {
                var stream = new HeaderThenBody(announced, body);
                assertThatThrownBy(() -> new Channel(stream, OutputStream.nullOutputStream()).receive())
                        .as("receive of a header announcing 0x%X bytes, with %d bytes after it", announced, body)
                        .isInstanceOf(IOException.class);
                assertThat(stream.consumed()).as("bytes read after a header announcing 0x%X", announced)
                        .isLessThanOrEqualTo(4 + 64 * 1024);
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("close closes both streams")
    void closeClosesBothStreams() throws IOException {
        var inClosed = new AtomicBoolean();
        var outClosed = new AtomicBoolean();
        var in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                inClosed.set(true);
            }
        };
        var out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                outClosed.set(true);
            }
        };
        new Channel(in, out).close();
        assertThat(inClosed).as("the input stream was closed").isTrue();
        assertThat(outClosed).as("the output stream was closed").isTrue();
    }

    /** What a channel writes for these messages. */
    private static byte[] sentBy(List<String> messages) throws IOException {
        var out = new ByteArrayOutputStream();
        var channel = new Channel(InputStream.nullInputStream(), out);
        for (String message : messages) channel.send(message);
        return out.toByteArray();
    }

    private static Channel receiving(byte[] bytes) {
        return new Channel(new ByteArrayInputStream(bytes), OutputStream.nullOutputStream());
    }

    /** Every message a channel receives from these bytes, up to a clean end. */
    private static List<String> receiveAll(byte[] bytes) throws IOException {
        var channel = receiving(bytes);
        var messages = new ArrayList<String>();
        for (Optional<String> m = channel.receive(); m.isPresent(); m = channel.receive()) messages.add(m.get());
        return messages;
    }

    /** Sends the messages on another thread into a real pipe, and receives them here until the sender closes. */
    private static List<String> throughARealPipe(List<String> messages) throws Exception {
        var pipe = Pipe.open();
        var sending = new FutureTask<Void>(() -> {
            try (var sender = new Channel(InputStream.nullInputStream(), Channels.newOutputStream(pipe.sink()))) {
                for (String message : messages) sender.send(message);
            }
            return null;
        });
        Thread.ofPlatform().daemon().name("test-sender").start(sending);
        var received = new ArrayList<String>();
        try (var receiver = new Channel(Channels.newInputStream(pipe.source()), OutputStream.nullOutputStream())) {
            for (Optional<String> m = receiver.receive(); m.isPresent(); m = receiver.receive()) received.add(m.get());
        }
        sending.get();
        return received;
    }

    /** Compares message lists without printing megabytes when they differ. */
    private static void assertSameMessages(List<String> received, List<String> sent) {
        assertThat(received.size()).as("how many messages were received").isEqualTo(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(received.get(i).equals(sent.get(i)))
                    .as("message %d (%d chars sent, %d received) came back exactly", i, sent.get(i).length(), received.get(i).length())
                    .isTrue();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A header announcing some length, then {@code bodyBytes} bytes of 'x', counting what was read. */
    private static final class HeaderThenBody extends InputStream {
        private final byte[] header;
        private final long total;
        private long consumed;

        HeaderThenBody(long announced, long bodyBytes) {
            this.header = Frames.header(announced);
            this.total = 4 + bodyBytes;
        }

        long consumed() {
            return consumed;
        }

        @Override
        public int read() {
            if (consumed == total) return -1;
            int b = consumed < 4 ? header[(int) consumed] & 0xFF : 'x';
            consumed++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (consumed == total) return -1;
            int n = (int) Math.min(len, total - consumed);
            for (int i = 0; i < n; i++) b[off + i] = (byte) read();
            return n;
        }
    }
}
