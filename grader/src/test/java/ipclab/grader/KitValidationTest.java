package ipclab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ipclab.grader.sandbox.Limits;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.validate.Validation;

/**
 * The kit proves its own tests, as {@code ./grade validate} does: for every real lab, the
 * solution scores full marks, the starter compiles and fails the hidden tests, and every wrong
 * solution ({@code solutions/<lab>/wrong/*.patch}) fails the tests it lists. Run in the sandbox,
 * as a class would be graded, with the limits the reference run sizes; each wrong solution runs
 * the tests it lists.
 *
 * <p>Every lab's runs, its reference run first, share one pool of as many runs at once as there
 * are cores (and each run's tests run concurrently, as the grader runs them): one lab's runs fill
 * the gaps another's leave, instead of each lab waiting alone for its reference run and its
 * slowest wrong solution. Each lab is then reported as a test of its own.
 */
class KitValidationTest {
    @TempDir
    static Path temp;
    private static final ExecutorService RUNS = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().daemon().name("validate-", 0).factory());
    private static final ExecutorService LABS = Executors
            .newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("validate-lab-", 0).factory());
    private static final Map<String, Future<Validation.Report>> REPORTS = new ConcurrentHashMap<>();

    static Stream<String> labs() {
        return Fixtures.realKit().labs().stream().map(LabSpec::name);
    }

    @BeforeAll
    static void validateEveryLabOnOnePool() {
        for (var spec : Fixtures.realKit().labs()) {
            var grader = Fixtures.grader(Fixtures.realKit(), Limits.defaults(), temp.resolve(spec.name() + "-work"),
                    temp.resolve(spec.name() + "-cache"));
            // the reference run on the pool too, so that no more runs are at once than the pool has threads
            REPORTS.put(spec.name(), LABS.submit(() -> Validation.run(grader, RUNS.submit(() -> grader.prepare(spec)).get(), RUNS, false)));
        }
    }

    @AfterAll
    static void stopThePools() {
        LABS.shutdownNow();
        RUNS.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    @Timeout(3600)
    void theLabsTestsPassTheSolutionAndCatchTheStarterAndEveryWrongSolution(String lab) throws Exception {
        var report = REPORTS.get(lab).get();
        assertThat(report.sound()).as(report.toString()).isTrue();
    }
}
