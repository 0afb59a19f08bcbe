package ipclab.sockets;

import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import ipclab.ipc.Address;
import ipclab.testkit.Lab;
import ipclab.testkit.ProgramAssert;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starting the lab's servers as programs, and checking what the contract says of every program. */
final class Servers {
    static final Duration START = Duration.ofSeconds(60);
    static final Duration REPLY = Duration.ofSeconds(20);
    static final Duration EXIT = Duration.ofSeconds(60);

    private Servers() {
    }

    /** A running server and the address it printed. */
    record Started(RunningProgram program, SocketAddress address, String printed) {
    }

    /** A fresh {@code unix:} address in the test's own folder. */
    static String unixAddress(Lab lab, String name) {
        return "unix:" + lab.tempDir().resolve(name + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20)) + ".sock");
    }

    static Path socketFile(String unixAddress) {
        return Path.of(unixAddress.substring("unix:".length()));
    }

    /** Starts a server program and waits for its first line, {@code listening on <address>}. */
    static Started start(Lab lab, Class<?> server, String address, String... more) {
        var program = lab.program(server).args(address).args(more).start();
        await().atMost(Timing.scaled(START)).pollInterval(Duration.ofMillis(10))
                .until(() -> !program.stdoutLines().isEmpty() || !program.isAlive());
        assertThat(program.stdoutLines()).as("%s printed no line before it exited%s", server.getSimpleName(), program.context())
                .isNotEmpty();
        String line = program.stdoutLines().getFirst();
        assertThat(line).as("%s's first line on stdout", server.getSimpleName()).startsWith("listening on ");
        String printed = line.substring("listening on ".length());
        return new Started(program, Address.parse(printed), printed);
    }

    static boolean isSocketFile(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** An authkey file in the test's folder. */
    static String keyFile(Lab lab, String key) {
        try {
            Path file = lab.tempDir().resolve("key-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + ".txt");
            Files.writeString(file, key + "\n");
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The labs' contract for bad arguments (the testkit's {@code refusedWithUsage}), for one command line. */
    static void assertRefusedAsBadArguments(Lab lab, Class<?> program, List<String> args) {
        var run = lab.program(program).args(args).run(EXIT);
        ProgramAssert.assertThat(run).as("%s %s", program.getSimpleName(), args).refusedWithUsage();
    }
}
