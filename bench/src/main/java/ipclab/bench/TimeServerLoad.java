package ipclab.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.ChildJvm;
import ipclab.ipc.MessageQueue;

/**
 * Lab 2's time server under load: {@code c} clients at once (threads of this JVM, each with its
 * own client id, each with its own handle on the queue) send time requests (type 1, payload the
 * id) and wait for their own reply (type 3 + id), as fast as the server answers. Reports the
 * round-trip percentiles and the round trips per second of all clients together.
 *
 * <p>The server is the real {@code ipclab.timeserver.TimeServer} (the reference solution's, or
 * the student's lab) started as a child JVM; if there is none, or it does not start, the bench's
 * {@link MiniTimeServer} stands in, and the report says so.
 */
final class TimeServerLoad {
    static final String SERVER = "ipclab.timeserver.TimeServer";
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private TimeServerLoad() {
    }

    /** Where Lab 2's compiled classes are, looked for from the working folder up: the solution first, then the lab. */
    static Optional<Path> findServerClasses() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String candidate : List.of("solutions/lab2-time-server-mq/target/classes", "labs/lab2-time-server-mq/target/classes")) {
                Path classes = dir.resolve(candidate);
                if (Files.isRegularFile(classes.resolve(SERVER.replace('.', '/') + ".class"))) return Optional.of(classes);
            }
        }
        return Optional.empty();
    }

    static List<Result> run(Settings s, Resources resources, Progress progress, List<String> notes) throws IOException, InterruptedException {
        int key = resources.freshKeys(1);
        var classes = switch (s.timeServer()) {
            case "" -> findServerClasses();
            case "mini" -> Optional.<Path>empty();
            default -> Optional.of(Path.of(s.timeServer()));
        };
        Server server = null;
        if (classes.isPresent()) {
            server = Server.start(SERVER, classes.get() + File.pathSeparator + System.getProperty("java.class.path"), key, resources);
            if (server.failure() != null) {
                notes.add("Lab 2's TimeServer in " + classes.get() + " did not start (" + server.failure()
                        + "), so the bench's MiniTimeServer was measured instead.");
                MessageQueue.removeIfExists(key);
                server = null;
            }
        } else if (!s.timeServer().equals("mini")) {
            notes.add("Lab 2's TimeServer was not found (build solutions/lab2-time-server-mq or labs/lab2-time-server-mq),"
                    + " so the bench's MiniTimeServer was measured instead.");
        }
        String name = "TimeServer (Lab 2)";
        if (server == null) {
            server = Server.start(MiniTimeServer.class.getName(), System.getProperty("java.class.path"), key, resources);
            if (server.failure() != null) throw new IOException("the bench's MiniTimeServer did not start: " + server.failure());
            name = "MiniTimeServer (the bench's)";
        }
        progress.say("  server: " + name + (classes.isPresent() && name.startsWith("TimeServer") ? " from " + classes.get() : ""));
        var results = new ArrayList<Result>();
        try (var queue = MessageQueue.open(key)) {
            for (int clients : s.timeServerClients()) {
                Result.Latency latency;
                try {
                    latency = load(key, clients, s);
                } catch (IOException e) {
                    throw new IOException(e.getMessage() + " (the server: " + server.state() + ")", e);
                }
                results.add(progress.done(new Result(Section.TIME_SERVER, name + ", " + clients + (clients == 1 ? " client" : " clients"),
                        Language.JAVA, "", 0, 1, latency)));
            }
            queue.send(2, "stop");
        } finally {
            server.stop();
            MessageQueue.removeIfExists(key);
        }
        return results;
    }

    private static Result.Latency load(int key, int clients, Settings s) throws InterruptedException, IOException {
        long perClientMax = Math.max(1, s.maxIterations() / clients);
        round(key, clients, s.warmup(), perClientMax);
        var all = Result.Latency.histogram();
        var medians = new ArrayList<Double>();
        var rates = new ArrayList<Double>();
        for (int run = 0; run < s.runs(); run++) {
            var r = round(key, clients, s.run(), perClientMax);
            all.add(r.histogram());
            medians.add(Result.Latency.us(r.histogram().getValueAtPercentile(50)));
            rates.add(r.histogram().getTotalCount() * 1e9 / r.nanos());
        }
        double medianRate = rates.stream().sorted().toList().get(rates.size() / 2);
        return Result.Latency.of(all, medians, medianRate);
    }

    private record Round(Histogram histogram, long nanos) {
    }

    /** All clients at once for the duration; each thread has its own histogram, merged at the end. */
    private static Round round(int key, int clients, Duration duration, long perClientMax) throws InterruptedException, IOException {
        var gate = new CountDownLatch(1);
        var histograms = new ArrayList<Histogram>();
        var failures = new ArrayList<Throwable>();
        var threads = new ArrayList<Thread>();
        for (int c = 1; c <= clients; c++) {
            var h = Result.Latency.histogram();
            histograms.add(h);
            long id = c;
            threads.add(Thread.ofPlatform().name("time-client-" + c).start(() -> {
                try (var queue = MessageQueue.open(key)) {
                    String request = Long.toString(id);
                    gate.await();
                    long end = System.nanoTime() + duration.toNanos();
                    for (long i = 0; i < perClientMax && System.nanoTime() - end < 0; i++) {
                        long t0 = System.nanoTime();
                        queue.send(1, request);
                        var reply = queue.receive(3 + id, Link.PATIENCE)
                                .orElseThrow(() -> new IOException("no reply from the time server within " + Link.PATIENCE.toSeconds() + " s"));
                        h.recordValue(System.nanoTime() - t0);
                        if (reply.text().length() != 24) throw new IOException("the time server answered '" + reply.text() + "'");
                    }
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }));
        }
        long t0 = System.nanoTime();
        gate.countDown();
        for (var t : threads) t.join();
        long nanos = System.nanoTime() - t0;
        if (!failures.isEmpty()) throw new IOException("a time client failed: " + failures.getFirst().getMessage(), failures.getFirst());
        var merged = Result.Latency.histogram();
        histograms.forEach(merged::add);
        return new Round(merged, nanos);
    }

    /** A time server child JVM, and why it did not start if it did not. */
    private record Server(Process process, String failure, StringBuffer errors) {
        static Server start(String mainClass, String classPath, int key, Resources resources) throws IOException, InterruptedException {
            var command = new ArrayList<>(ChildJvm.command(mainClass, List.of("--key", Integer.toString(key))));
            command.set(command.indexOf("-cp") + 1, classPath);
            var process = resources.child(new ProcessBuilder(command).redirectError(Redirect.PIPE).start());
            var lines = new ArrayBlockingQueue<String>(16);
            var errors = new StringBuffer();
            Thread.ofVirtual().start(() -> forward(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), lines));
            Thread.ofVirtual().start(() -> collect(process, errors));
            String expected = "time server listening on key " + key;
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (expected.equals(line)) return new Server(process, null, errors);
                if (line == null && !process.isAlive()) {
                    process.waitFor(5, TimeUnit.SECONDS);  // let the error reader finish
                    String error = errors.toString().strip().lines().findFirst().orElse("no error message");
                    return new Server(process, "exit status " + process.exitValue() + ": " + error, errors);
                }
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Server(process, "it did not print '" + expected + "' within " + START_LIMIT.toSeconds() + " s", errors);
        }

        String state() {
            String error = errors.toString().strip();
            return (process.isAlive() ? "still running" : "exited with status " + process.exitValue())
                    + (error.isEmpty() ? ", no error output" : ", error output: " + error);
        }

        void stop() throws InterruptedException {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        private static void forward(BufferedReader in, ArrayBlockingQueue<String> lines) {
            try (in) {
                for (String line; (line = in.readLine()) != null; ) lines.offer(line);
            } catch (IOException e) {
                // the server is gone: nothing more to read
            }
        }

        private static void collect(Process process, StringBuffer errors) {
            try (var in = process.getErrorStream()) {
                errors.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the server is gone
            }
        }
    }
}
