package ipclab.ipc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class NamedPipeTest {
    @TempDir
    Path dir;

    @Test
    void createsAFifoWithMode0600() throws Exception {
        Path fifo = NamedPipe.create(dir.resolve("chat"));
        assertThat(NamedPipe.isNamedPipe(fifo)).isTrue();
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo))).isEqualTo("rw-------");
        NamedPipe.remove(fifo);
        assertThat(fifo).doesNotExist();
    }

    @Test
    void refusesWhenSomethingIsThere() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> NamedPipe.create(file)).isInstanceOf(IpcException.class).hasMessageContaining("already exists");
        assertThat(NamedPipe.isNamedPipe(file)).isFalse();
        assertThatThrownBy(() -> NamedPipe.create(dir.resolve("no/such/dir/fifo"))).isInstanceOf(IpcException.class);
    }

    @Test
    void twoProcessesTalkThroughIt() throws Exception {
        Path fifo = NamedPipe.create(dir.resolve("chat"));
        try (var children = new Children()) {
            var writer = children.start(FifoWriter.class, fifo.toString(), "through the fifo ✓");
            try (var in = Files.newInputStream(fifo)) {  // waits for the writer to open its end
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("through the fifo ✓");
            }
            assertThat(Children.exitStatus(writer)).isZero();
        } finally {
            NamedPipe.remove(fifo);
        }
    }
}
