package ipclab.echo;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;
import ipclab.testkit.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@Timeout(10)
class EchoHiddenTest {
    @Test
    @Points(2)
    @DisplayName("-2 + -3 is -5")
    void addsNegativeNumbers() {
        assertThat(Adder.add(-2, -3)).isEqualTo(-5);
    }

    @Test
    @Points(2)
    @DisplayName("each name gets its own line")
    void greetsEachNameOnItsOwnLine(Lab lab) {
        var run = lab.program(Greeter.class).args("a", "b").run(Duration.ofSeconds(8));
        assertThat(run.status()).isZero();
        assertThat(run.stdout()).isEqualTo("hello, a\nhello, b\n");
    }

    @Test
    @Points(1)
    @Visibility(Visibility.Level.AFTER_DUE_DATE)
    @DisplayName("sums past 2^31 are exact")
    void addsLargeNumbers() {
        assertThat(Adder.add(4_000_000_000L, 5)).isEqualTo(4_000_000_005L);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({"0, 0, 0", "1, -1, 0", "7, 8, 15"})
    @Points(2)
    @DisplayName("a few more sums")
    void addsManyPairs(long a, long b, long sum) {
        assertThat(Adder.add(a, b)).isEqualTo(sum);
    }
}
