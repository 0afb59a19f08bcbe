package ipclab.timeserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ipclab.testkit.Lab;
import ipclab.testkit.LabTest;
import ipclab.testkit.Points;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad command lines: refused as the handout says (exit status 2, a usage or error line first), and no queue created. */
@LabTest
@Timeout(60)
class ArgumentsHiddenTest {

    /** Each case: the program and its arguments, where K stands for the test's fresh key. */
    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                arguments(TimeServer.class, List.of("--key", "K", "--port", "80")),
                arguments(TimeServer.class, List.of("--key", "twelve")),
                arguments(TimeClient.class, List.of("--key", "K", "extra")),
                arguments(TimeClient.class, List.of("--key")),
                arguments(NumberServer.class, List.of("--key", "0")),
                arguments(NumberServer.class, List.of("--key", "K", "now")),
                arguments(NumberClient.class, List.of("-k", "K")),
                arguments(NumberClient.class, List.of("--key", "0x")),
                arguments(NumberServer.class, List.of("--key", "K", "--timeout", "0")),
                arguments(TimeClient.class, List.of("--key", "K", "--timeout", "soon")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badCommandLines")
    @Points(1)
    @DisplayName("bad arguments: exit status 2, a first stderr line 'usage: ' or 'error: ', nothing on stdout, no queue")
    void badArgumentsExitWithStatusTwo(Class<?> program, List<String> args, Lab lab) {
        int key = lab.freshKey();
        var argv = new ArrayList<String>();
        args.forEach(a -> argv.add(a.equals("K") ? Integer.toString(key) : a));
        var run = lab.program(program).args(argv).run("1\n", Duration.ofSeconds(30));
        assertThat(run).refusedWithUsage();
        assertThat(lab.queueExists(key)).as("a queue created despite the bad arguments").isFalse();
    }
}
