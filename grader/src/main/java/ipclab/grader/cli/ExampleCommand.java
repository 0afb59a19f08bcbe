package ipclab.grader.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import ipclab.grader.build.Workspace;
import ipclab.grader.submission.ExampleClass;
import ipclab.grader.submission.Kit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code grade example} (and {@code ./grade} with no arguments): grades the bundled example class
 * (grader/example-class: a complete, a partial, a non-compiling, a deadlocking and a hostile
 * student) and prints the class table.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Grade the bundled example class (what ./grade alone does) and print the table.")
final class ExampleCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("grading-out", "example");

    @Mixin
    Options options = new Options();

    @Override
    public Integer call() {
        var kit = Kit.locate();
        Path clones = kit.root().resolve(".grader/example-class");
        Workspace.deleteTree(clones);
        ExampleClass.materialize(kit, kit.exampleClass(), clones);
        System.err.println("example class: " + kit.exampleClass() + " (materialised in " + clones + ")");
        return GradeCommand.gradeClass(clones, out, List.of(), false, false, options, java.util.Optional.empty(), System.out, System.err);
    }
}
