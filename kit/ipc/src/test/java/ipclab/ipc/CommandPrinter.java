package ipclab.ipc;

import java.util.List;

/** A child for the tests: prints the command line {@link ChildJvm} would start a child with. */
public final class CommandPrinter {
    public static void main(String[] args) throws Exception {
        System.out.println(String.join(" ", ChildJvm.command("x.Main", List.of())));
    }
}
