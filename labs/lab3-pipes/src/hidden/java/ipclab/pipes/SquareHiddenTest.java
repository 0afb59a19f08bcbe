package ipclab.pipes;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** SquareWorker and SquareClient: a two-way pipe between a parent and its child. */
@LabTest
@DisplayName("SquareClient and SquareWorker: a two-way pipe without deadlock")
class SquareHiddenTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final int PAST_THE_EDGE = 100_000;

    @Test
    @Points(2)
    @DisplayName("SquareWorker answers each integer with its square and stops at END, with its stdin still open")
    void workerAnswersWithSquares(Lab lab) {
        var worker = lab.start(SquareWorker.class);
        worker.write(Frames.text("3", "-4", "0", "99999", "END"));
        int status = worker.awaitExit(LIMIT);
        assertThat(status).as("exit status" + worker.context()).isZero();
        assertThat(worker.stdout()).isEqualTo(Frames.text("9", "16", "0", "9999800001"));
    }

    @Test
    @Points(2)
    @DisplayName("SquareClient 1 and SquareClient 10 print the sums 1 and 385")
    void smallSums(Lab lab) {
        var one = lab.start(SquareClient.class, "1");
        var ten = lab.start(SquareClient.class, "10");
        var runs = List.of(one.finish(LIMIT), ten.finish(LIMIT));
        assertThat(runs).extracting(r -> r.status()).as("exit statuses").containsOnly(0);
        assertThat(runs.get(0).stdout()).isEqualTo("sum of squares 1..1 = 1\n");
        assertThat(runs.get(1).stdout()).isEqualTo("sum of squares 1..10 = 385\n");
    }

    /**
     * A client that writes all its requests before it reads an answer deadlocks from about
     * 13,975 numbers on (two 64 KiB pipes, the handout's count). {@value #PAST_THE_EDGE}
     * requests and answers are about 0.9 and 1.3 MB of frames, seven times that edge and well
     * past any pipe size a student's machine may have, yet well under a second of work when
     * done right. A deadlock fails here when the limit runs out (the test kit then kills the
     * client and its worker).
     */
    @Test
    @Points(4)
    @Timeout(60)
    @DisplayName("SquareClient 100000 finishes with the exact sum (writing all before reading would deadlock)")
    void manyWithoutDeadlock(Lab lab) {
        var client = lab.start(SquareClient.class, Integer.toString(PAST_THE_EDGE));
        int status = client.awaitExit(LIMIT);
        assertThat(status).as("exit status" + client.context()).isZero();
        assertThat(client.stdout()).isEqualTo("sum of squares 1.." + PAST_THE_EDGE + " = " + sumOfSquares(PAST_THE_EDGE) + "\n");
    }

    @Test
    @Points(2)
    @DisplayName("SquareClient 0 prints the empty sum, 0; a missing, negative, too large or non-integer count is status 2")
    void countsAtTheEdges(Lab lab) {
        var zero = lab.start(SquareClient.class, "0");
        var bad = List.of(List.<String>of(), List.of("-1"), List.of("1000001"), List.of("ten"), List.of("5", "6"));
        var badRuns = bad.stream().map(args -> lab.program(SquareClient.class).args(args).start()).toList();
        var zeroRun = zero.finish(LIMIT);
        assertThat(zeroRun.status()).as("exit status of SquareClient 0" + SenderReceiverHiddenTest.errors(zeroRun)).isZero();
        assertThat(zeroRun.stdout()).isEqualTo("sum of squares 1..0 = 0\n");
        for (int i = 0; i < bad.size(); i++) {
            assertThat(badRuns.get(i).finish(LIMIT)).as("SquareClient %s", bad.get(i)).refusedWithUsage();
        }
    }

    /** 1² + 2² + … + n², counted exactly. */
    private static BigInteger sumOfSquares(int n) {
        var sum = BigInteger.ZERO;
        for (int i = 1; i <= n; i++) sum = sum.add(BigInteger.valueOf(i).pow(2));
        return sum;
    }
}
