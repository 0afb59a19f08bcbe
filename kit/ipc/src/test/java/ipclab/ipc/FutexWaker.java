package ipclab.ipc;

import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A child for the tests: wakes the process sleeping on the futex word at the start of a segment.
 * It first wakes it without changing the word, until the kernel says it woke one sleeper: proof
 * that another process slept there and that this one woke it. Then it sets the word to 1 and
 * wakes whoever sleeps again (the sleeper may have seen the 1 already, then nobody does).
 */
public final class FutexWaker {
    public static void main(String[] args) {
        try (var shm = SharedSegment.open(Path.of(args[0]))) {
            var word = shm.memory().asSlice(0, Integer.BYTES);
            while (Futex.wake(word, 1) == 0) Thread.onSpinWait();   // until the other process sleeps on it
            word.set(JAVA_INT, 0, 1);
            Futex.wake(word, 1);
        }
        System.out.println("woke a sleeper");
    }
}
