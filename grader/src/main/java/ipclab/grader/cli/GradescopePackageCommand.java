package ipclab.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import ipclab.grader.GradescopePackage;
import ipclab.grader.submission.Kit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grade gradescope-package --out DIR}: writes the autograder.zip Gradescope takes (see {@link GradescopePackage}). */
@Command(name = "gradescope-package", mixinStandardHelpOptions = true,
        description = "Write autograder.zip for Gradescope: setup.sh and run_autograder at its root, the kit (no solutions, student folders or caches) inside.")
final class GradescopePackageCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder autograder.zip goes into.")
    Path out;

    @Override
    public Integer call() {
        Path zip = GradescopePackage.write(Kit.locate(), out);
        System.out.println("wrote " + zip.toAbsolutePath().normalize()
                + ": upload it in the assignment's Configure Autograder page (see grader/README.md)");
        return 0;
    }
}
