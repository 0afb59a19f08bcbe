package ipclab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.SharedSegment;

/**
 * What one test uses to run lab programs and name IPC objects: a test declares a {@code Lab}
 * parameter in a {@link LabTest} class and gets a fresh one.
 *
 * <pre>{@code
 * @Test void printsTheSequence(Lab lab) {
 *     var run = lab.program(FibonacciParent.class).args("10").start().finish(Duration.ofSeconds(30));
 *     assertThat(run.stdout()).isEqualTo("0 1 1 2 3 5 8 13 21 34\n");
 * }
 * }</pre>
 *
 * <p>Names are fresh for every test, so runs never collide: {@link #freshKey()} reserves a block
 * of {@value #KEY_BLOCK} System V keys ({@code K … K+63}; a program that needs more than one queue
 * uses {@code K+1}, {@code K+2}, …), {@link #freshSegmentPath} and {@link #freshFifoPath} give
 * paths nobody uses. Programs see {@code IPCLAB_SHM_DIR} set to this test's own folder, so
 * {@link SharedSegment#newPath} puts their segments where the test can check them.
 *
 * <p>When the test ends, pass or fail, the Lab kills every program still running, with all its
 * descendants, and then fails the test if anything is left: a process the programs started, a
 * queue in a reserved key block, a segment, a FIFO. It removes what it finds, so the next test
 * starts clean.
 */
public final class Lab implements AutoCloseable {
    public static final int KEY_BLOCK = 64;
    private static final int FIRST_KEY = 0x1000_0000;

    private final ProcessTag tag = new ProcessTag();
    private final List<RunningProgram> programs = new ArrayList<>();
    private final Set<Integer> keyBlocks = new LinkedHashSet<>();
    private final Set<Path> fifoPaths = new LinkedHashSet<>();
    private final Set<Path> ownSegments = new LinkedHashSet<>();
    private Path shmDir;
    private Path tempDir;

    Lab() {
    }

    /** This test's own folder for segments, made when first needed. */
    private synchronized Path shmDir() {
        try {
            if (shmDir == null) shmDir = Files.createDirectories(SharedSegment.newPath("test"));
            return shmDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A System V key with no queue, the first of a block of {@value #KEY_BLOCK} reserved for this test. */
    public synchronized int freshKey() {
        var random = ThreadLocalRandom.current();
        while (true) {
            int key = FIRST_KEY + random.nextInt(0x6FFF_0000 / KEY_BLOCK) * KEY_BLOCK;
            if (keyBlocks.contains(key) || MessageQueue.exists(key)) continue;
            keyBlocks.add(key);
            return key;
        }
    }

    /** A path in the shared-memory folder where nothing is yet. */
    public synchronized Path freshSegmentPath(String name) {
        Path path = shmDir().resolve(name + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        ownSegments.add(path);
        return path;
    }

    /** A path for a named pipe where nothing is yet; it must be gone when the test ends. */
    public synchronized Path freshFifoPath(String name) {
        Path path = tempDir().resolve(name + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + ".fifo");
        fifoPaths.add(path);
        return path;
    }

    /** A folder only this test uses, removed when it ends. */
    public synchronized Path tempDir() {
        try {
            if (tempDir == null) tempDir = Files.createTempDirectory("ipclab-test-");
            return tempDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts describing a run of a lab program, e.g. {@code lab.program(TimeServer.class).args("--key", k).start()}. */
    public Launch program(Class<?> mainClass) {
        return new Launch(mainClass.getName());
    }

    public Launch program(String mainClass) {
        return new Launch(mainClass);
    }

    /** Starts a program with these arguments (stdin stays open until closed). */
    public RunningProgram start(Class<?> mainClass, String... args) {
        return program(mainClass).args(args).start();
    }

    /** How a program is to be started. */
    public final class Launch {
        private final String mainClass;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();

        private Launch(String mainClass) {
            this.mainClass = mainClass;
        }

        public Launch args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        public Launch args(List<String> more) {
            args.addAll(more);
            return this;
        }

        /** Sets an environment variable for the program, e.g. {@code env("TZ", "UTC")}. */
        public Launch env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public RunningProgram start() {
            var builder = ChildJvm.builder(mainClass, args.toArray(String[]::new));
            builder.command().addAll(0, DefaultSignals.PREFIX);
            builder.environment().putAll(env);
            builder.environment().put(ProcessTag.VARIABLE, tag.value());
            builder.environment().put("IPCLAB_SHM_DIR", shmDir().toString());
            try {
                var program = new RunningProgram(mainClass.substring(mainClass.lastIndexOf('.') + 1), builder.start());
                synchronized (Lab.this) {
                    programs.add(program);
                }
                return program;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + mainClass, e);
            }
        }

        /** Starts the program with this text as its whole input, and waits for it to finish. */
        public RunningProgram.Result run(String stdin, Duration within) {
            var program = start();
            program.write(stdin);
            return program.finish(within);
        }

        /** Starts the program with no input and waits for it to finish. */
        public RunningProgram.Result run(Duration within) {
            return start().finish(within);
        }
    }

    /** Whether a queue with this key exists now. */
    public boolean queueExists(int key) {
        return MessageQueue.exists(key);
    }

    /** The files in this test's shared-memory folder now (what programs created with {@link SharedSegment#newPath}). */
    public synchronized List<Path> segmentsNow() {
        if (shmDir == null) return List.of();
        try (Stream<Path> files = Files.list(shmDir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The processes started by this test's programs (and theirs) that are alive now. */
    public List<ProcessHandle> processesNow() {
        List<ProcessHandle> own;
        synchronized (this) {
            own = programs.stream().map(RunningProgram::handle).toList();
        }
        return tag.processes(own);
    }

    /**
     * What the test's programs left behind now, one line each (empty when all is clean): a
     * process still running after its parent ended, a queue in a reserved key block, a segment
     * the test did not make, a named pipe. Removes nothing; see {@link ProgramAssert.LabAssert}.
     */
    public synchronized List<String> leftovers() {
        var left = new ArrayList<String>();
        for (var p : processesNow()) left.add("a process still running after its parent ended: " + ProcessTag.describe(p));
        for (int first : keyBlocks) {
            for (int key = first; key < first + KEY_BLOCK; key++) {
                if (MessageQueue.exists(key)) left.add("a message queue with key " + key + " (ipcrm -Q " + key + ")");
            }
        }
        for (Path segment : segmentsNow()) {
            synchronized (this) {
                if (!ownSegments.contains(segment)) left.add("a shared-memory segment " + segment.getFileName());
            }
        }
        for (Path fifo : fifoPaths) {
            if (Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)) left.add("a named pipe " + fifo.getFileName());
        }
        return left;
    }

    /**
     * Ends the test's programs and removes everything they left; returns one line for each
     * thing that was left behind by a program (empty when all is clean).
     */
    List<String> cleanUp() {
        synchronized (this) {
            programs.forEach(RunningProgram::close);
        }
        var orphans = processesNow();
        ProcessTag.killAll(orphans, Duration.ofSeconds(10));
        var left = new ArrayList<String>();
        orphans.forEach(p -> left.add("a process still running after its parent ended: " + ProcessTag.describe(p)));
        left.addAll(leftovers());
        for (int first : keyBlocks) {
            for (int key = first; key < first + KEY_BLOCK; key++) MessageQueue.removeIfExists(key);
        }
        synchronized (this) {
            if (shmDir != null) deleteTree(shmDir);
            if (tempDir != null) deleteTree(tempDir);
        }
        return left;
    }

    @Override
    public void close() {
        cleanUp();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a folder that cannot be removed is reported by nobody, and harms nobody
        }
    }
}
