package ipclab.queues;

import java.util.Locale;

/**
 * A task for the public tests: returns its input in capitals, and refuses the input "fail".
 * It lives in the test sources, and the pool's workers still find it: a child JVM gets the same
 * classpath as the test JVM, test classes included.
 */
public class UpperCaseTask implements Task {
    @Override
    public String apply(String input) {
        if (input.equals("fail")) throw new IllegalArgumentException("UpperCaseTask refuses 'fail'");
        return input.toUpperCase(Locale.ROOT);
    }
}
