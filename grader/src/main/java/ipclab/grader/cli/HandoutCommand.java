package ipclab.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import ipclab.grader.handout.Handout;
import ipclab.grader.submission.Kit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grade handout --out DIR}: writes the student repository (see {@link Handout}). */
@Command(name = "handout", mixinStandardHelpOptions = true,
        description = "Write the student repository: labs with starters and public tests, the support library,"
                + " the testkit, a README, a pom and the Maven Wrapper; no hidden tests, solutions or grader.")
final class HandoutCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or new folder for the repository.")
    Path out;

    @Override
    public Integer call() {
        var kit = Kit.locate();
        var labs = Handout.write(kit, out);
        System.out.println("wrote the student repository to " + out.toAbsolutePath().normalize() + " with " + labs.size()
                + " lab(s): " + String.join(", ", labs));
        System.out.println("in it, ./mvnw test runs the public tests (red on the starters until the labs are done)");
        return 0;
    }
}
