package ipclab.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process started in the background by a non-interactive shell (as CI may start the build)
 * inherits SIGINT ignored, and a JVM that starts with SIGINT ignored never runs its shutdown
 * hooks on Ctrl-C. Programs under test are therefore started through
 * {@code env --default-signal} (GNU coreutils 8.31 and later), which restores the default
 * disposition of every signal; where that is not available they start directly.
 */
final class DefaultSignals {
    static final List<String> PREFIX = detect();

    private DefaultSignals() {
    }

    private static List<String> detect() {
        for (String env : List.of("/usr/bin/env", "/bin/env")) {
            if (!Files.isExecutable(Path.of(env))) continue;
            try {
                var probe = new ProcessBuilder(env, "--default-signal", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) return List.of(env, "--default-signal");
                probe.destroyForcibly();
            } catch (Exception e) {
                // not GNU env: start programs directly
            }
        }
        return List.of();
    }
}
