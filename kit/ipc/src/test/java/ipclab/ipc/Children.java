package ipclab.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The child JVMs a library test starts, killed with their descendants when the test ends (the
 * library cannot use the testkit, which is built on it). Also hands out fresh keys.
 */
final class Children implements AutoCloseable {
    private final List<Process> started = new ArrayList<>();

    Process start(Class<?> main, String... args) {
        try {
            var process = ChildJvm.builder(main, args).start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child to exit (at most 60 s) and returns its status; its stderr joins the failure message. */
    static int exitStatus(Process process) throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the child did not exit within 60 s");
        return process.exitValue();
    }

    static String stdout(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Sends a signal by name; unlike {@link Process#destroy()} it leaves the child's streams open to read. */
    static void signal(Process process, String signal) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) throw new AssertionError("kill -s " + signal + " failed");
    }

    /** A key with no queue, away from the keys the labs use. */
    static int freshKey() {
        while (true) {
            int key = 0x2000_0000 + ThreadLocalRandom.current().nextInt(0x1000_0000);
            if (!MessageQueue.exists(key)) return key;
        }
    }

    @Override
    public void close() {
        for (var process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        }
    }
}
