package ipclab.echo;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@Timeout(10)
class EchoPublicTest {
    @Test
    @Points(1)
    @DisplayName("2 + 3 is 5")
    void addsTwoNumbers() {
        assertThat(Adder.add(2, 3)).isEqualTo(5);
    }

    @Test
    @Points(1)
    @DisplayName("Greeter ada prints 'hello, ada'")
    void greetsByName(Lab lab) {
        var run = lab.program(Greeter.class).args("ada").run(Duration.ofSeconds(8));
        assertThat(run.status()).isZero();
        assertThat(run.stdout()).isEqualTo("hello, ada\n");
    }
}
