package ipclab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;

/**
 * Round trips and one-way throughput of one mechanism, for every message size and for the
 * batched variant ({@code batchItems} small items in one message: the course's "do significant
 * work in one trip"), against one peer child JVM.
 */
final class MechanismSuite {
    private MechanismSuite() {
    }

    static List<Result> run(Mechanism mechanism, Settings s, Resources resources, Progress progress) throws IOException {
        var results = new ArrayList<Result>();
        int capacity = s.sizes().stream().mapToInt(Integer::intValue).max().orElse(64);
        capacity = Math.max(capacity, s.batchBytes());
        if (capacity > mechanism.maxMessageBytes()) capacity = (int) mechanism.maxMessageBytes();
        try (var session = mechanism.open(resources, capacity)) {
            for (Section section : List.of(Section.ROUND_TRIP, Section.ONE_WAY)) {
                for (int size : s.sizes()) results.add(measure(section, mechanism, session.link(), size, 1, s, progress));
                results.add(measure(section, mechanism, session.link(), s.batchBytes(), s.batchItems(), s, progress));
            }
        }
        return results;
    }

    private static Result measure(Section section, Mechanism mechanism, Link link, int bytes, int items, Settings s,
                                  Progress progress)
            throws IOException {
        if (bytes > mechanism.maxMessageBytes()) return result(section, mechanism, bytes, items, tooLarge(mechanism));
        var outcome = section == Section.ROUND_TRIP ? Measure.roundTrips(link, bytes, s) : Measure.oneWay(link, bytes, s);
        return progress.done(result(section, mechanism, bytes, items, outcome));
    }

    private static Result.Skipped tooLarge(Mechanism mechanism) {
        return new Result.Skipped("does not fit: one System V message holds at most " + mechanism.maxMessageBytes()
                + " bytes (kernel.msgmax)");
    }

    private static Result result(Section section, Mechanism mechanism, long bytes, int items, Result.Outcome outcome) {
        return new Result(section, mechanism.label, Language.JAVA, mechanism.id, bytes, items, outcome);
    }
}
