package ipclab.testkit;

import org.junit.jupiter.api.Test;

import static ipclab.testkit.ProgramAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramAssertTest {
    private static RunningProgram.Result run(int status, String stdout, String stderr) {
        return new RunningProgram.Result(status, stdout, stderr);
    }

    @Test
    void badArgumentsMayPrintAnErrorThenAUsageLine() {
        assertThatCode(() -> assertThat(run(2, "", "usage: FibonacciParent <n>\n")).refusedWithUsage()).doesNotThrowAnyException();
        assertThatCode(() -> assertThat(run(2, "", "error: n must be between 0 and 93\nusage: FibonacciParent <n>\n"))
                .refusedWithUsage("0", "93")).doesNotThrowAnyException();
    }

    @Test
    void badArgumentsAreRefusedOnlyWithStatusTwoAQuietStdoutAndAFewLines() {
        assertThatThrownBy(() -> assertThat(run(1, "", "usage: x\n")).refusedWithUsage()).hasMessageContaining("exit status 2");
        assertThatThrownBy(() -> assertThat(run(2, "hello\n", "usage: x\n")).refusedWithUsage()).hasMessageContaining("nothing on stdout");
        assertThatThrownBy(() -> assertThat(run(2, "", "bad\nusage: x\n")).refusedWithUsage()).hasMessageContaining("first line");
        assertThatThrownBy(() -> assertThat(run(2, "", "usage: x\n".repeat(6))).refusedWithUsage()).hasMessageContaining("at most 5");
        assertThatThrownBy(() -> assertThat(run(2, "", "error: x\n\tat Main.main(Main.java:3)\n")).refusedWithUsage())
                .hasMessageContaining("no stack trace");
        assertThatThrownBy(() -> assertThat(run(2, "", "usage: x\n")).refusedWithUsage("93")).hasMessageContaining("mention '93'");
    }

    @Test
    void aRuntimeFailureIsStatusOneAndAnErrorLine() {
        assertThatCode(() -> assertThat(run(1, "", "error: no time server is running on key 7\n"))
                .failedWith("error: no time server")).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(run(2, "", "error: no time server\n")).failedWith("error: no time server"))
                .hasMessageContaining("exit status 1");
        assertThatThrownBy(() -> assertThat(run(1, "", "oops\n")).failedWith("error: ")).hasMessageContaining("start with 'error: '");
    }

    @Test
    void successAndOutput() {
        assertThatCode(() -> assertThat(run(0, "0 1 1\n", "")).succeeded().printed("0 1 1\n")).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(run(0, "0 1 2\n", "")).printed("0 1 1\n")).hasMessageContaining("0 1 2");
    }

    @Test
    void aMessageShowsWhatTheProgramPrintedLineByLine() {
        assertThatThrownBy(() -> assertThat(run(1, "", "error: 100% full\nsecond line\n")).succeeded())
                .hasMessage("expected exit status 0, but it was 1\n  stdout: (nothing)\n  stderr: error: 100% full\n          second line");
    }
}
