package ipclab.grader.run;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ipclab.grader.sandbox.Limits;
import ipclab.grader.score.ExpectedTest;
import ipclab.testkit.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceTest {
    static final ExpectedTest FAST = test("fast"), SLOW = test("slow"), NEW = test("new");
    static final Reference REFERENCE = new Reference(20_000, Map.of("fast", 300L, "slow", 4_000L));

    static ExpectedTest test(String uid) {
        return new ExpectedTest(uid, "ipclab.x.XTest", uid, uid, 1, Visibility.Level.HIDDEN);
    }

    @Test
    void aTestGetsTenTimesItsReferenceTimeWithAFloorAndTheCeilingAbove() {
        var limits = Limits.defaults();
        assertThat(REFERENCE.limitFor(FAST, limits, 1.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(REFERENCE.limitFor(SLOW, limits, 1.0)).isEqualTo(Duration.ofSeconds(40));
        assertThat(REFERENCE.limitFor(SLOW, limits, 2.0)).isEqualTo(Duration.ofSeconds(80));
        assertThat(REFERENCE.limitFor(SLOW, limits, 5.0)).as("never past the ceiling").isEqualTo(limits.perTest());
        assertThat(REFERENCE.limitFor(NEW, limits, 1.0)).as("no reference time").isEqualTo(limits.perTest());
    }

    @Test
    void theRunGetsThreeTimesTheReferenceSuiteAndAnAllowance() {
        assertThat(REFERENCE.runLimit(Limits.defaults(), 1.0)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Reference.NONE.runLimit(Limits.defaults(), 1.0)).isEqualTo(Limits.defaults().perRun());
    }

    @Test
    void whatTheInstructorSetsIsUsedAsItIs() {
        var limits = Limits.defaults().withPerTest(Duration.ofSeconds(5)).withPerRun(Duration.ofSeconds(600));
        assertThat(REFERENCE.limitFor(SLOW, limits, 1.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(REFERENCE.runLimit(limits, 1.0)).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void aBusierMachineThanTheReferencesStretchesTheLimitsUpToFourTimes() {
        assertThat(Load.factor(15, 1)).as("load 30 on 2 cores, reference quiet: capped").isEqualTo(Load.MAX_FACTOR);
        assertThat(Load.factor(3, 1.5)).isEqualTo(2);
        assertThat(Load.factor(1, 6)).as("a quieter machine never tightens a limit").isEqualTo(1);
        var busyReference = new Reference(20_000, Map.of("slow", 4_000L), 3);
        assertThat(busyReference.limitFor(SLOW, Limits.defaults(), Load.factor(6, busyReference.loadPerCore())))
                .isEqualTo(Duration.ofSeconds(80));
        assertThat(Load.perCore()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReferenceWithoutALoadCountsAsQuiet() {
        assertThat(REFERENCE.loadPerCore()).isEqualTo(1);
        assertThat(new Reference(1, Map.of(), 0).loadPerCore()).isEqualTo(1);
        assertThat(Reference.NONE.loadPerCore()).isEqualTo(1);
    }
}
