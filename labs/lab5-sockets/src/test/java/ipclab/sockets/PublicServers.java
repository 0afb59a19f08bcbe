package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ipclab.testkit.Lab;
import ipclab.testkit.RunningProgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the public tests share: a server program started and its {@code listening on} line awaited, a key file. */
final class PublicServers {
    static final Duration LIMIT = Duration.ofSeconds(60);

    private PublicServers() {
    }

    /** Starts the server and returns the address it printed in {@code listening on <address>}. */
    static String start(Lab lab, RunningProgram[] started, Class<?> server, String... args) {
        var program = lab.program(server).args(args).start();
        started[0] = program;
        await().atMost(LIMIT).pollInterval(Duration.ofMillis(10)).until(() -> !program.stdoutLines().isEmpty() || !program.isAlive());
        assertThat(program.stdoutLines()).as("the server printed nothing before it exited" + program.context()).isNotEmpty();
        String line = program.stdoutLines().getFirst();
        assertThat(line).as("the server's first line").startsWith("listening on ");
        return line.substring("listening on ".length());
    }

    static String keyFile(Lab lab, String key) {
        try {
            Path file = lab.tempDir().resolve("key.txt");
            Files.writeString(file, key + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
