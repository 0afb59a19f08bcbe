package ipclab.grader.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The instructor's tool, run through {@code ./grade} at the kit's root.
 *
 * <pre>
 *   $ ./grade                                   # grade the bundled example class, print the table
 *   $ ./grade grade submissions/ --out grades/  # grade a class
 *   $ ./grade validate                          # check the kit
 *   $ ./grade handout --out ../ipc-labs-student # export the student repository
 *   $ ./grade --help
 * </pre>
 *
 * Exit status: 0 success; 1 the kit is not sound (validate) or the grader failed on a
 * submission; 2 bad arguments.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, version = "ipc-labs grader 1.0",
        description = {"Grade a class, validate the kit, export the student handout.",
                "With no command: grade the bundled example class (grader/example-class) and print the table; the options below apply to it."},
        subcommands = {GradeCommand.class, ValidateCommand.class, HandoutCommand.class, GradescopeCommand.class,
                GradescopePackageCommand.class, ExampleCommand.class,
                SimilarityCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the kit is not sound (validate), or the grader failed", "2:bad arguments"})
public final class Main implements Callable<Integer> {
    @Mixin
    Options options;

    @Override
    public Integer call() {
        var example = new ExampleCommand();
        example.options = options;
        return example.call();
    }

    public static void main(String[] args) {
        var cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
