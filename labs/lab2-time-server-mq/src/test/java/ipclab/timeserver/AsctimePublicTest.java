package ipclab.timeserver;

import java.time.LocalDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

/** Your self-check for {@code TimeServer.asctime}, the one method of part B the tests call directly. */
@LabTest
class AsctimePublicTest {

    @Test
    @Points(1)
    @DisplayName("asctime pads the day of the month with a space, as C does")
    void asctimeLooksLikeC() {
        assertThat(TimeServer.asctime(LocalDateTime.of(2026, 11, 21, 23, 48, 48))).isEqualTo("Sat Nov 21 23:48:48 2026");
        assertThat(TimeServer.asctime(LocalDateTime.of(2026, 11, 1, 9, 5, 3))).isEqualTo("Sun Nov  1 09:05:03 2026");
    }
}
