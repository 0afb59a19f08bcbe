package ipclab.timeserver;

import java.time.LocalDateTime;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one API method the handout promises, {@code TimeServer.asctime(LocalDateTime)}, in a file
 * of its own: a solution without it loses these points only. Isolated, because it changes the
 * JVM's default locale, which tests running at the same time would see.
 */
@LabTest
@Isolated
class AsctimeHiddenTest {

    @Test
    @Points(2)
    @DisplayName("asctime writes the C form: English names, the day padded with a space, no newline")
    void asctimeHasTheFormOfC() {
        var saved = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);  // asctime is English whatever the user's language
        try {
            assertThat(TimeServer.asctime(LocalDateTime.of(2026, 11, 21, 23, 48, 48))).isEqualTo("Sat Nov 21 23:48:48 2026");
            assertThat(TimeServer.asctime(LocalDateTime.of(2026, 11, 1, 9, 5, 3))).isEqualTo("Sun Nov  1 09:05:03 2026");
            assertThat(TimeServer.asctime(LocalDateTime.of(2000, 1, 9, 0, 0, 0))).isEqualTo("Sun Jan  9 00:00:00 2000");
            assertThat(TimeServer.asctime(LocalDateTime.of(1999, 12, 31, 23, 59, 59))).isEqualTo("Fri Dec 31 23:59:59 1999");
            assertThat(TimeServer.asctime(LocalDateTime.of(2024, 2, 29, 12, 0, 7))).isEqualTo("Thu Feb 29 12:00:07 2024");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
