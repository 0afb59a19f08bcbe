package ipclab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Marks every process a test starts, and every process those start, with an environment
 * variable ({@code IPCLAB_TESTKIT_TAG=<random>}); children inherit their parent's environment,
 * so the mark follows a program's children even after they are orphaned and re-parented. On
 * Linux the tagged processes are found in {@code /proc/<pid>/environ}; elsewhere the descendants
 * of the test's own programs stand in for them (not the whole JVM's: tests run concurrently).
 */
final class ProcessTag {
    static final String VARIABLE = "IPCLAB_TESTKIT_TAG";
    private static final Path PROC = Path.of("/proc");

    private final String value = UUID.randomUUID().toString();

    String value() {
        return value;
    }

    /** The live processes that carry this tag (not counting this JVM); {@code programs} are the test's own, for where there is no /proc. */
    List<ProcessHandle> processes(List<ProcessHandle> programs) {
        if (!Files.isDirectory(PROC.resolve("self"))) return descendants(programs);
        return tagged(programs);
    }

    private static List<ProcessHandle> descendants(List<ProcessHandle> programs) {
        return programs.stream().flatMap(ProcessHandle::descendants).filter(ProcessHandle::isAlive).distinct().toList();
    }

    private List<ProcessHandle> tagged(List<ProcessHandle> programs) {
        byte[] needle = (VARIABLE + "=" + value).getBytes(StandardCharsets.UTF_8);
        var found = new ArrayList<ProcessHandle>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                if (contains(readQuietly(entry.resolve("environ")), needle)) {
                    ProcessHandle.of(Long.parseLong(name)).filter(ProcessHandle::isAlive).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            return descendants(programs);
        }
        found.removeIf(p -> p.pid() == ProcessHandle.current().pid() || isZombie(p));
        return found;
    }

    /** Kills every tagged process and waits (up to the time) until they are gone. */
    static void killAll(List<ProcessHandle> processes, Duration wait) {
        processes.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + wait.toNanos();
        for (var p : processes) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) p.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // gone or not, we tried; the caller checks again
            }
        }
    }

    static String describe(ProcessHandle p) {
        String command = p.info().commandLine().orElse(p.info().command().orElse("?"));
        if (command.length() > 160) command = command.substring(0, 80) + " … " + command.substring(command.length() - 70);
        return "pid " + p.pid() + " (" + command + ")";
    }

    private static boolean isZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(p.pid())).resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return true;  // it is gone
        }
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (i > 0 && haystack[i - 1] != 0) continue;  // variables start after a NUL
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}
