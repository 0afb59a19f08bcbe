package ipclab.testkit;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringTest {
    @Points(3)
    void worthThree() {
    }

    void worthOne() {
    }

    @Test
    void pointsComeFromTheAnnotationWithOneAsTheDefault() throws Exception {
        assertThat(Scoring.points(MethodSource.from(ScoringTest.class.getDeclaredMethod("worthThree")))).isEqualTo(3);
        assertThat(Scoring.points(MethodSource.from(ScoringTest.class.getDeclaredMethod("worthOne")))).isEqualTo(1);
        assertThat(Scoring.points(ClassSource.from(ScoringTest.class))).isZero();
    }
}
