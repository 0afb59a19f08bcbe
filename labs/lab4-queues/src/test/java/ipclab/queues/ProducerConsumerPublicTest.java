package ipclab.queues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Your self-check for Part A. The Lab also fails a test if a queue K … K+63 or a child process is left. */
@LabTest
class ProducerConsumerPublicTest {
    @Test
    @Points(1)
    @DisplayName("2 producers and 2 consumers: each item consumed once, then 'produced 60 consumed 60'")
    void everyItemIsConsumedOnce(Lab lab) {
        var run = lab.program(ProducerConsumer.class).args("2", "2", "30", "--key", Integer.toString(lab.freshKey()))
                .run(Duration.ofSeconds(60));
        assertThat(run.status()).as("exit status; stderr: %s", run.stderr()).isZero();
        var lines = run.stdoutLines();
        assertThat(lines).last().isEqualTo("produced 60 consumed 60");
        var items = new ArrayList<String>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).matches("consumer [12] got p[12]-\\d+");
            items.add(line.substring(line.lastIndexOf(' ') + 1));
        }
        var expected = IntStream.rangeClosed(1, 2).boxed()
                .flatMap(p -> IntStream.range(0, 30).mapToObj(i -> "p" + p + "-" + i)).toList();
        assertThat(items).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Points(1)
    @DisplayName("more than 16 consumers is a usage error: exit status 2")
    void seventeenConsumersIsAUsageError(Lab lab) {
        var run = lab.program(ProducerConsumer.class).args("1", "17", "5", "--key", Integer.toString(lab.freshKey()))
                .run(Duration.ofSeconds(30));
        assertThat(run).refusedWithUsage();
    }
}
