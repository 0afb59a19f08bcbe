package ipclab.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ipclab.ipc.IpcException;
import ipclab.ipc.ProcessQueue;
import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ProducerConsumer as a black box: what the consumers print, the totals line, and what is left
 * behind (the Lab checks the keys K … K+63 and every process the run started).
 */
@LabTest
class ProducerConsumerHiddenTest {
    /** A generous limit for a whole run; one that sleeps or hangs instead of stopping by messages fails it. */
    static final Duration RUN = Duration.ofSeconds(60);

    static RunningProgram start(Lab lab, int key, int producers, int consumers, int items) {
        return lab.program(ProducerConsumer.class)
                .args(Integer.toString(producers), Integer.toString(consumers), Integer.toString(items), "--key", Integer.toString(key))
                .start();
    }

    static RunningProgram.Result run(Lab lab, int producers, int consumers, int items) {
        var result = start(lab, lab.freshKey(), producers, consumers, items).finish(RUN);
        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isZero();
        return result;
    }

    @ParameterizedTest(name = "{0} producers, {1} consumers, {2} items each")
    @CsvSource({"1, 1, 40", "2, 3, 400", "3, 2, 1500", "2, 2, 0"})
    @Points(2)
    @DisplayName("every item is consumed exactly once, and the totals line counts them")
    void everyItemIsConsumedExactlyOnce(int producers, int consumers, int items, Lab lab) {
        var consumption = Consumption.of(run(lab, producers, consumers, items));
        assertThat(consumption.items()).as("the items the consumers got")
                .containsExactlyInAnyOrderElementsOf(Consumption.expected(producers, items));
        assertThat(consumption.byConsumer().keySet()).as("consumer numbers").allMatch(c -> c >= 1 && c <= consumers);
        assertThat(consumption.produced()).as("N in 'produced N consumed M'").isEqualTo((long) producers * items);
        assertThat(consumption.consumed()).as("M in 'produced N consumed M'").isEqualTo((long) producers * items);
    }

    @ParameterizedTest(name = "{0} producers, {1} consumers, {2} items each")
    @CsvSource({"3, 1, 800", "3, 2, 2000"})
    @Points(2)
    @DisplayName("each consumer gets each producer's items in the order they were put")
    void eachConsumerSeesEachProducersItemsInOrder(int producers, int consumers, int items, Lab lab) {
        var consumption = Consumption.of(run(lab, producers, consumers, items));
        consumption.byConsumer().forEach((consumer, got) -> {
            for (int p = 1; p <= producers; p++) {
                assertThat(Consumption.indexesOf(p, got)).as("the items of producer %d that consumer %d got", p, consumer).isSorted();
            }
        });
        if (consumers == 1) {
            for (int p = 1; p <= producers; p++) {
                assertThat(Consumption.indexesOf(p, consumption.items())).as("producer %d's items, seen by the only consumer", p)
                        .containsExactlyElementsOf(Consumption.indexesOf(p, Consumption.expected(producers, items)));
            }
        }
    }

    /**
     * The test takes some items out of the queue itself while the run goes on. The consumers then
     * get fewer items than were produced, and only counts that come from the consumers (reported
     * back when they take their stop message) can add up to M. A parent that prints the produced
     * count, or that sleeps and kills its consumers (they cannot report), fails.
     */
    @Test
    @Points(3)
    @DisplayName("M in 'produced N consumed M' is the sum of what the consumers took, reported by them")
    void consumedCountIsWhatTheConsumersReported(Lab lab) {
        int key = lab.freshKey();
        var program = start(lab, key, 2, 2, 5000);
        await().atMost(Timing.scaled(RUN)).pollInterval(Duration.ofMillis(5)).until(() -> lab.queueExists(key) || !program.isAlive());
        var stolen = new ArrayList<String>();
        try {
            var queue = ProcessQueue.open(key);
            while (stolen.size() < 25 && program.isAlive()) {
                var message = queue.poll(Duration.ofMillis(20));
                if (message.isEmpty()) continue;
                if (Consumption.ITEM.matcher(message.get()).matches()) {
                    stolen.add(message.get());
                } else {
                    queue.put(message.get());  // not an item (a stop message): give it back
                }
            }
        } catch (IpcException.NoSuchQueueException | IpcException.QueueRemovedException e) {
            // the run is over
        }
        var result = program.finish(RUN);
        assertThat(result.status()).as("exit status; stderr: %s", result.stderr()).isZero();
        var consumption = Consumption.of(result);
        assertThat(stolen).as("items the test took from the queue while the producers were putting them").isNotEmpty();
        var everything = new ArrayList<>(consumption.items());
        everything.addAll(stolen);
        assertThat(everything).as("items the consumers got, and those the test took")
                .containsExactlyInAnyOrderElementsOf(Consumption.expected(2, 5000));
        assertThat(consumption.produced()).as("N").isEqualTo(10000);
        assertThat(consumption.consumed()).as("M, when the test took %d of the items: the consumers got %d",
                stolen.size(), consumption.items().size()).isEqualTo(consumption.items().size());
    }

    @Test
    @Points(2)
    @DisplayName("SIGTERM in the middle of a run: the queues are removed and no child is left")
    void sigtermRemovesQueuesAndChildren(Lab lab) {
        int key = lab.freshKey();
        var program = start(lab, key, 3, 2, 100_000);
        await().atMost(Timing.scaled(RUN)).pollInterval(Duration.ofMillis(10))
                .until(() -> !program.isAlive() || program.stdoutLines().stream().anyMatch(l -> l.startsWith("consumer ")));
        assertThat(program.isAlive()).as("ProducerConsumer is running once a consumer printed a line" + program.context()).isTrue();
        program.signal("TERM");
        program.awaitExit(Duration.ofSeconds(30));
        assertThat(lab.queueExists(key)).as("queue K exists after SIGTERM").isFalse();
        assertThat(lab.queueExists(key + 1)).as("queue K+1 exists after SIGTERM").isFalse();
        assertThat(lab.processesNow()).as("processes of the run still alive after it exited").isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("bad arguments: exit status 2, a usage or error line first, nothing on stdout, nothing started")
    void badArgumentsExitWithStatusTwo(Lab lab) {
        var runs = new LinkedHashMap<List<String>, RunningProgram>();  // all at once: each is a JVM start-up
        for (String arguments : List.of("", "1 1", "0 1 1", "17 1 1", "1 0 1", "1 17 1", "1 1 -1", "1 1 100001", "x 1 1",
                "1 1 1 1", "1 1 1 --colour red")) {
            var args = new ArrayList<>(arguments.isEmpty() ? List.of() : List.of(arguments.split(" ")));
            args.addAll(List.of("--key", Integer.toString(lab.freshKey())));
            runs.put(args, lab.program(ProducerConsumer.class).args(args).start());
        }
        runs.forEach((args, run) -> assertThat(run.finish(Duration.ofSeconds(30))).as("ProducerConsumer %s", args).refusedWithUsage());
    }
}
