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
}
