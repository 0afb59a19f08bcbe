package ipclab.grader.run;

import java.util.List;

import ipclab.grader.score.TestOutcome;

/**
 * What running a lab's tests gave: an outcome for every expected test (in the catalog's order),
 * the output of the run, notes for the instructor, where the time went, and the most memory its
 * processes held together ({@link ipclab.grader.sandbox.Usage#memoryBytes()}, sampled as the run goes).
 */
public record RunResult(List<TestOutcome> outcomes, String output, List<String> notes, long jvmStartMillis, long testMillis, int jvms,
                        long peakMemoryBytes) {
}
