package ipclab.sockets;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Part A on the wire: the test is a client that writes the bytes of its frames itself, the way
 * a stream socket may deliver them. {@code ./mvnw test -pl labs/lab5-sockets -am
 * -Dtest=KvServerPublicTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@LabTest
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@DisplayName("Part A: frames on the wire (public checks)")
class KvServerPublicTest {
    private static final Duration REPLY = Duration.ofSeconds(30);

    /** The test's end of a connection: raw writes, and the replies' frames collected by a thread of its own. */
    private record RawClient(SocketChannel channel, BlockingQueue<String> replies) implements AutoCloseable {
        static RawClient connect(Path socket) {
            try {
                var client = new RawClient(SocketChannel.open(UnixDomainSocketAddress.of(socket)), new LinkedBlockingQueue<>());
                Thread.ofPlatform().daemon().start(client::readReplies);
                return client;
            } catch (IOException e) {
                throw new UncheckedIOException("the test cannot connect to " + socket, e);
            }
        }

        /** Part A's frame: a 4-byte big-endian length, then the UTF-8 text. */
        static byte[] frame(String message) {
            byte[] body = message.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
        }

        RawClient write(byte[] bytes) {
            try {
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("the test cannot write to the server: " + e.getMessage(), e);
            }
        }

        /** The next reply, waiting at most {@link #REPLY} from now. */
        String reply(String what) throws InterruptedException {
            String reply = replies.poll(Timing.scaled(REPLY).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(reply).as("the reply to %s, within %d s", what, REPLY.toSeconds()).isNotNull();
            return reply;
        }

        String request(String message) throws InterruptedException {
            return write(frame(message)).reply(message.length() > 40 ? message.substring(0, 40) + "…" : message);
        }

        private void readReplies() {
            try (var in = new DataInputStream(Channels.newInputStream(channel))) {
                while (true) {
                    byte[] body = new byte[in.readInt()];
                    in.readFully(body);
                    replies.add(new String(body, StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                replies.add("(no more replies: the connection ended: " + e + ")");
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    @Points(2)
    @DisplayName("a frame may come in pieces or together with the next one: replies are still one per request")
    void framesInPiecesOrTogether(Lab lab) throws Exception {
        Path socket = lab.tempDir().resolve("kv.sock");
        var server = new RunningProgram[1];
        PublicServers.start(lab, server, KvServer.class, "unix:" + socket);
        try (var client = RawClient.connect(socket)) {
            byte[] put = RawClient.frame("PUT x 1");
            byte[] get = RawClient.frame("GET x");
            client.write(ByteBuffer.allocate(put.length + get.length).put(put).put(get).array());
            assertThat(client.reply("PUT x 1 (written together with GET x)")).isEqualTo("OK");
            assertThat(client.reply("GET x (written together with PUT x 1)")).isEqualTo("VALUE 1");

            client.write(Arrays.copyOfRange(get, 0, 2)).write(Arrays.copyOfRange(get, 2, 6)).write(Arrays.copyOfRange(get, 6, get.length));
            assertThat(client.reply("GET x, written in three pieces")).isEqualTo("VALUE 1");

            String big = "v".repeat(700_000) + "ü";
            assertThat(client.request("PUT big " + big)).as("a 700 kB request (it arrives in many reads)").isEqualTo("OK");
            assertThat(client.request("GET big").equals("VALUE " + big)).as("the 700 kB value came back whole").isTrue();
            String exactly = "PUT max " + "m".repeat((1 << 20) - "PUT max ".length());
            assertThat(client.request(exactly)).as("a request of exactly 1 MiB").isEqualTo("OK");
        }
    }
}
