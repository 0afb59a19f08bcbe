package ipclab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;

/**
 * The course's Python equivalents, measured in the same run by {@code ipc_bench.py} (a resource
 * of this module): {@code multiprocessing.Pipe} and {@code Queue}, {@code sysv_ipc.MessageQueue},
 * the same calls without waiting, framed messages over {@code socket} (UNIX and TCP),
 * {@code multiprocessing.connection}'s {@code Listener}/{@code Client} with and without an
 * authkey, and {@code Value} against a {@code Manager}. Without a Python 3
 * it says so and measures nothing; without {@code sysv_ipc} it skips the queue.
 */
final class PythonSuite {
    private static final long LIMIT_MINUTES = 5;

    private PythonSuite() {
    }

    /** The Python to use: the one asked for, else the first python3 that has sysv_ipc, else any python3. */
    static Optional<String> find(String asked) {
        if (asked.equals("none")) return Optional.empty();
        if (!asked.isEmpty()) return works(asked, "pass") ? Optional.of(asked) : Optional.empty();
        var candidates = List.of("/usr/bin/python3", "python3", "/usr/local/bin/python3");
        return candidates.stream().filter(p -> works(p, "import sysv_ipc")).findFirst()
                .or(() -> candidates.stream().filter(p -> works(p, "pass")).findFirst());
    }

    private static boolean works(String python, String code) {
        try {
            var p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Result> run(Settings s, Resources resources, Progress progress, List<String> notes)
            throws IOException, InterruptedException {
        var python = find(s.python());
        if (python.isEmpty()) {
            notes.add(s.python().equals("none") ? "Python: skipped (--python none)."
                    : "Python: no python3 found" + (s.python().isEmpty() ? "" : " at " + s.python())
                            + ", so the course's equivalents were not measured.");
            progress.say(notes.getLast());
            return List.of();
        }
        Path script = resources.tempDir().resolve("ipc_bench.py");
        try (InputStream in = PythonSuite.class.getResourceAsStream("ipc_bench.py")) {
            Files.copy(in, script);
        }
        var suites = s.suites().stream()
                .filter(List.of("pipe", "pq", "mq", "unix", "tcp", "conn", "conn-auth", "state", "startup")::contains)
                .collect(Collectors.joining(","));
        var command = List.of(python.get(), script.toString(),
                "--warmup", seconds(s.warmup()), "--run", seconds(s.run()), "--runs", Integer.toString(s.runs()),
                "--max", Long.toString(Math.min(s.maxIterations(), Integer.MAX_VALUE)),
                "--sizes", s.sizes().stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--batch-items", Integer.toString(s.batchItems()), "--batch-item-bytes", Integer.toString(s.batchItemBytes()),
                "--key", Integer.toString(resources.freshKeys(2)), "--suites", suites.isEmpty() ? "none" : suites,
                "--startup-runs", Integer.toString(s.startupRuns()), "--tmp", resources.tempDir().toString());
        var process = resources.child(new ProcessBuilder(command).redirectError(Redirect.INHERIT).start());
        var watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) process.destroyForcibly();
            } catch (InterruptedException e) {
                // the run ended first
            }
        });
        var results = new ArrayList<Result>();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null;) {
                if (line.startsWith("NOTE ")) {
                    notes.add(line.substring(5));
                    progress.say(line.substring(5));
                } else if (line.startsWith("RESULT\t") || line.startsWith("SKIP\t")) {
                    results.add(progress.done(parse(line)));
                }
            }
        } finally {
            watchdog.interrupt();
        }
        int status = process.waitFor();
        if (status != 0) throw new IOException("the Python benchmark failed (exit status " + status + "); its error is above");
        return results;
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** One RESULT or SKIP line of ipc_bench.py: tab-separated {@code name=value} fields. */
    static Result parse(String line) {
        var fields = new HashMap<String, String>();
        for (String part : line.split("\t")) {
            int eq = part.indexOf('=');
            if (eq > 0) fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        var section = Section.valueOf(fields.get("section").toUpperCase(Locale.ROOT));
        Result.Outcome outcome;
        if (line.startsWith("SKIP\t")) {
            outcome = new Result.Skipped(fields.get("why"));
        } else if (fields.containsKey("rates")) {
            outcome = new Result.Rate(numbers(fields.get("rates")));
        } else {
            outcome = new Result.Latency(Long.parseLong(fields.get("count")), number(fields, "p50"), number(fields, "p90"),
                    number(fields, "p99"), number(fields, "max"), numbers(fields.get("medians")), Double.NaN);
        }
        return new Result(section, fields.get("mechanism"), Language.PYTHON, fields.get("pair"),
                Long.parseLong(fields.get("bytes")), Integer.parseInt(fields.get("items")), outcome);
    }

    private static double number(Map<String, String> fields, String name) {
        return Double.parseDouble(fields.get(name));
    }

    private static List<Double> numbers(String list) {
        return Arrays.stream(list.split(";")).filter(v -> !v.isBlank()).map(Double::parseDouble).toList();
    }
}
