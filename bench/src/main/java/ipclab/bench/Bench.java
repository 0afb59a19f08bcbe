package ipclab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import ipclab.ipc.Cli;

/**
 * What IPC costs, measured: round-trip latency and one-way throughput of every mechanism the kit
 * teaches (pipe, System V queue, ProcessQueue, shared memory, UNIX and TCP stream sockets, Lab 5's
 * {@code Connection} with and without an authkey), the batched variant of each, the cost of the
 * queue calls alone, shared state (and one remote call to Lab 5's {@code CounterServer}), child
 * JVM start-up (with and without AppCDS and an AOT cache), and Lab 2's time server and Lab 5's
 * key-value server under many clients — and, where a Python 3 is found,
 * the course's Python equivalents in the same run, with the ratio Java/Python.
 *
 * <pre>
 *   $ bench/run                 # about a minute; bench/run --help for the options
 *   machine: 2 cores, load average 1.52 before the run ...
 *   Round trip: benchmark → peer process → benchmark, one message each way
 *   mechanism                  message   p50  ...  │ Python (same run)      p50   Java/Python
 *   pipe, framed (...)         64 B      ...       │ multiprocessing.Pipe   ...
 *   ...
 *   wrote bench/target/results/ipc-bench.csv and ipc-bench.png
 * </pre>
 */
public final class Bench {
    static final String USAGE = """
            usage: bench/run [--quick] [--only SUITE,...] [--python PATH|none] [--out DIR]
              --quick        half the time per measurement, fewer runs (a first look)
              --only S,...   run only these suites: %s
              --python PATH  the Python 3 for the course's equivalents (default: the first
                             python3 that has sysv_ipc, else any python3); none: skip them
              --out DIR      where the CSV and the plot go (default: bench/target/results)
              --timeserver mini|CLASSPATH
                             Lab 2's compiled TimeServer (default: looked for in
                             solutions/ then labs/lab2-time-server-mq/target/classes);
                             mini: the bench's own stand-in"""
            .formatted(String.join(",", Settings.ALL_SUITES));

    private Bench() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var settings = parse(argv);
            var resources = new Resources();
            Cli.removeOnExit(resources::close);
            var out = System.out;
            var environment = Environment.now();
            out.println(environment.describe());
            Run run;
            try (resources) {
                run = run(settings, resources, new Progress(out));
            }
            out.println(Environment.now().loadLine("after the run"));
            Report.table(run.results(), out);
            out.println();
            run.notes().forEach(note -> out.println("note: " + note));
            Path csv = settings.out().resolve("ipc-bench.csv");
            Report.csv(run.results(), csv);
            out.println("wrote " + csv);
            var plotNotes = new ArrayList<String>();
            Plot.write(run.results(), settings.out(), environment, plotNotes).forEach(p -> out.println("wrote " + p));
            plotNotes.forEach(note -> out.println("note: " + note));
            return Cli.OK;
        });
    }

    /** What a run found: the results, and notes on what it could not measure. */
    record Run(List<Result> results, List<String> notes) {
    }

    /** Runs the chosen suites one after the other; everything they create is in {@code resources}. */
    static Run run(Settings s, Resources resources, Progress progress) throws Exception {
        var results = new ArrayList<Result>();
        var notes = new ArrayList<String>();
        for (Mechanism m : Mechanism.values()) {
            if (!s.runs(m.id)) continue;
            if (m.needsLab5() && LabCode.lab5().isEmpty()) {
                notes.add("Lab 5 is not built (solutions/lab5-sockets or labs/lab5-sockets): " + m.label + " was not measured.");
                progress.say(notes.getLast());
                continue;
            }
            progress.say(m.label + ":");
            results.addAll(MechanismSuite.run(m, s, resources, progress));
        }
        if (s.runs("mq")) {
            progress.say("the queue calls alone:");
            results.addAll(CallCost.run(s, resources, progress));
        }
        if (s.runs("state")) {
            progress.say("shared state:");
            results.addAll(SharedState.run(s, resources, progress));
            RemoteCall.run(s, resources, progress, notes).ifPresent(results::add);
        }
        if (s.runs("startup")) {
            progress.say("child JVM start-up:");
            results.addAll(Startup.run(s, resources, progress));
        }
        if (s.runs("timeserver")) {
            progress.say("Lab 2 time server, many clients:");
            results.addAll(TimeServerLoad.run(s, resources, progress, notes));
        }
        if (s.runs("kv")) {
            progress.say("Lab 5 key-value server, many clients:");
            results.addAll(KvLoad.run(s, resources, progress, notes));
        }
        if (s.runs("python")) {
            progress.say("the course's Python:");
            results.addAll(PythonSuite.run(s, resources, progress, notes));
        }
        return new Run(results, notes);
    }

    static Settings parse(String[] argv) {
        var settings = Settings.standard(Path.of("bench", "target", "results"));
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            switch (arg) {
                case "--help", "-h" -> throw new Cli.UsageException(USAGE);
                case "--quick" -> settings = Settings.quick(settings.out()).withSuites(settings.suites())
                        .withPython(settings.python()).withTimeServer(settings.timeServer());
                case "--only", "--python", "--out", "--timeserver" -> {
                    if (i + 1 >= argv.length) throw new Cli.UsageException("error: " + arg + " needs a value\n" + USAGE);
                    String value = argv[++i];
                    settings = switch (arg) {
                        case "--only" -> settings.withSuites(suites(value));
                        case "--python" -> settings.withPython(value);
                        case "--timeserver" -> settings.withTimeServer(value);
                        default -> settings.withOut(Path.of(value));
                    };
                }
                default -> throw new Cli.UsageException("error: unknown argument " + arg + "\n" + USAGE);
            }
        }
        return settings;
    }

    private static LinkedHashSet<String> suites(String list) {
        var chosen = new LinkedHashSet<String>();
        for (String s : list.split(",")) {
            if (!Settings.ALL_SUITES.contains(s.strip())) {
                throw new Cli.UsageException(
                        "error: no suite '" + s.strip() + "'; the suites are " + String.join(",", Settings.ALL_SUITES));
            }
            chosen.add(s.strip());
        }
        return chosen;
    }
}
