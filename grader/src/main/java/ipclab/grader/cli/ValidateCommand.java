package ipclab.grader.cli;

import java.util.concurrent.Callable;

import ipclab.grader.validate.Validation;
import ipclab.grader.submission.Kit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grade validate}: the kit checks itself (see {@link Validation}). Exit status 0 if every
 * check holds, 1 if not.
 *
 * <pre>
 *   $ ./grade validate --labs lab2
 *   lab2-time-server-mq: 31 tests, 45 points
 *     ok    solution: full marks, 45/45 in 38.2 s
 *     ok    starter: compiles, scores 3/45, fails 27 of 29 hidden tests
 *     ok    wrong/time-in-utc: fails the 1 expected test(s), 43/45
 *   the kit is sound
 * </pre>
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the kit: every solution full marks, every starter compiles and fails the hidden tests,"
                + " every wrong solution (solutions/<lab>/wrong/*.patch) fails the tests its header lists.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--all-tests", description = "Run every test on each wrong solution, not only those it lists (the report then also"
            + " names what else it fails).")
    boolean allTests;

    @Mixin
    Options options;

    @Override
    public Integer call() {
        var kit = Kit.locate();
        var grader = options.grader(kit);
        int problems = 0;
        for (var lab : kit.labs(options.labs)) {
            var prepared = grader.prepare(lab);
            System.out.printf("%s: %d tests, %d points, %d wrong solution(s)%n", lab.name(), prepared.tests().size(),
                    prepared.maxPoints(), lab.wrongSolutions().size());
            var report = Validation.run(grader, prepared, options.jobs, allTests);
            for (var check : report.checks()) {
                System.out.printf("  %-5s %s: %s%n", check.ok() ? "ok" : "FAIL", check.what(), check.detail().replace("\n", "\n        "));
                if (!check.ok()) problems++;
            }
        }
        System.out.println(problems == 0 ? "the kit is sound" : "the kit is NOT sound: " + problems + " check(s) failed");
        return problems == 0 ? 0 : 1;
    }
}
