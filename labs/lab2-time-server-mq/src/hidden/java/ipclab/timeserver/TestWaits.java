package ipclab.timeserver;

import java.time.Duration;
import java.util.Optional;

import org.awaitility.core.ConditionTimeoutException;

import ipclab.ipc.Message;
import ipclab.ipc.MessageQueue;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits that end as soon as the program they wait on has exited, so a broken program fails fast. */
final class TestWaits {
    private TestWaits() {
    }

    /** Waits until the program has printed this line on stdout; fails at once if it exits without. */
    static void line(RunningProgram program, String line, Duration within) {
        await().atMost(Timing.scaled(within)).pollInterval(Duration.ofMillis(10))
                .until(() -> program.stdoutLines().contains(line) || !program.isAlive());
        assertThat(program.stdoutLines()).as("the lines %s printed%s", program.name(), program.context()).contains(line);
    }

    /**
     * Receives the next message of this type (as {@link MessageQueue#receive(long)} selects it)
     * once it is there; empty if the program exited without sending one, or the time ran out.
     */
    static Optional<Message> message(MessageQueue queue, long type, RunningProgram program, Duration within) {
        try {
            return await().atMost(Timing.scaled(within)).pollInterval(Duration.ofMillis(10)).until(() -> {
                boolean alive = program.isAlive();  // read first: a message sent just before the exit is still found
                var message = queue.tryReceive(type);
                return message.isPresent() || !alive ? message : null;
            }, result -> result != null);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }
}
