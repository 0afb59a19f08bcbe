package ipclab.pipes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A first check of your Channel: run it with {@code ./mvnw test -pl labs/lab3-pipes}. */
@LabTest
@DisplayName("Channel (public checks)")
class ChannelPublicTest {

    @Test
    @DisplayName("\"hey\" is sent as 00 00 00 03 'h' 'e' 'y'")
    void heyIsFramedWithABigEndianLength() throws IOException {
        var out = new ByteArrayOutputStream();
        new Channel(InputStream.nullInputStream(), out).send("hey");
        assertThat(out.toByteArray()).containsExactly(0, 0, 0, 3, 'h', 'e', 'y');
    }

    @Test
    @DisplayName("messages with a newline, or empty, come back as they were sent, then the end is empty")
    void messagesComeBack() throws IOException {
        var out = new ByteArrayOutputStream();
        var sender = new Channel(InputStream.nullInputStream(), out);
        sender.send("one\ntwo");
        sender.send("");
        sender.send("wörld");
        var receiver = new Channel(new ByteArrayInputStream(out.toByteArray()), OutputStream.nullOutputStream());
        assertThat(receiver.receive()).contains("one\ntwo");
        assertThat(receiver.receive()).contains("");
        assertThat(receiver.receive()).contains("wörld");
        assertThat(receiver.receive()).isEmpty();
    }
}
