package ipclab.queues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import ipclab.testkit.RunningProgram;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run of ProducerConsumer printed: the items each consumer got, in the order it printed
 * them, and the last line's two numbers. Lines of any other shape are left out.
 */
record Consumption(Map<Integer, List<String>> byConsumer, long produced, long consumed) {
    static final Pattern GOT = Pattern.compile("consumer (\\d+) got (\\S+)");
    static final Pattern TOTALS = Pattern.compile("produced (\\d+) consumed (\\d+)");
    static final Pattern ITEM = Pattern.compile("p(\\d+)-(\\d+)");

    static Consumption of(RunningProgram.Result run) {
        var lines = run.stdoutLines();
        assertThat(lines).as("stdout of ProducerConsumer").isNotEmpty();
        var totals = TOTALS.matcher(lines.getLast());
        assertThat(totals.matches()).as("the last line is 'produced N consumed M', got '%s'", lines.getLast()).isTrue();
        var byConsumer = new LinkedHashMap<Integer, List<String>>();
        for (String line : lines) {
            var got = GOT.matcher(line);
            if (got.matches()) byConsumer.computeIfAbsent(Integer.parseInt(got.group(1)), c -> new ArrayList<>()).add(got.group(2));
        }
        return new Consumption(byConsumer, Long.parseLong(totals.group(1)), Long.parseLong(totals.group(2)));
    }

    /** Every item every consumer got, consumers one after another. */
    List<String> items() {
        return byConsumer.values().stream().flatMap(List::stream).toList();
    }

    /** The items producers 1 … p put: p1-0 … p1-(n-1), p2-0 … */
    static List<String> expected(int producers, int items) {
        return IntStream.rangeClosed(1, producers)
                .boxed().flatMap(p -> IntStream.range(0, items).mapToObj(i -> "p" + p + "-" + i)).toList();
    }

    /** The i of each of producer p's items, in the order this list has them. */
    static List<Integer> indexesOf(int producer, List<String> items) {
        var indexes = new ArrayList<Integer>();
        for (String item : items) {
            var m = ITEM.matcher(item);
            if (m.matches() && Integer.parseInt(m.group(1)) == producer) indexes.add(Integer.parseInt(m.group(2)));
        }
        return indexes;
    }
}
