package ipclab.pipes;

import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.Cli;

/**
 * The shell's {@code Sender | Receiver} done by a Java program: starts {@link Sender} and
 * {@link Receiver} as two child JVMs joined by one anonymous pipe (the sender's stdout is the
 * receiver's stdin), lets the receiver print straight to this program's stdout, and waits for
 * both.
 *
 * <pre>
 * $ java ipclab.pipes.PipeDemo
 * Received the message: hello
 * Received the message: hey
 * Received the message: hru?
 * $ java ipclab.pipes.PipeDemo "one message" another
 * Received the message: one message
 * Received the message: another
 *
 *            PipeDemo (starts both, waits for both)
 *            /                  \
 *      Sender --[ one pipe ]--> Receiver --> PipeDemo's stdout
 * </pre>
 *
 * Exit status 0 when both succeeded, 1 otherwise (after an {@code error: } line naming the side).
 */
public final class PipeDemo {
    private static final String USAGE = "usage: PipeDemo [messages...]";

    private PipeDemo() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE);
            return run(args.positional());
        });
    }

    /** Runs {@code Sender messages…} and {@code Receiver} joined by one pipe; returns the exit status. */
    static int run(List<String> messages) throws Exception {
        var senderArgs = new ArrayList<String>();
        senderArgs.add("--");  // every argument is a message, even one that looks like an option
        senderArgs.addAll(messages);
        var sender = ChildJvm.builder(Sender.class, senderArgs.toArray(String[]::new))
                .redirectInput(Redirect.INHERIT).redirectError(Redirect.INHERIT);
        var receiver = ChildJvm.builder(Receiver.class)
                .redirectOutput(Redirect.INHERIT).redirectError(Redirect.INHERIT);
        List<Process> pipeline = List.of(sender.redirectOutput(Redirect.PIPE).start(), receiver.start());
        Cli.removeOnExit(() -> pipeline.forEach(Process::destroyForcibly));
        try (var from = pipeline.get(0).getInputStream(); var to = pipeline.get(1).getOutputStream()) {
            from.transferTo(to);
        }
        int sent = pipeline.get(0).waitFor();
        int received = pipeline.get(1).waitFor();
        if (sent != 0) throw new Cli.Failure("the sender failed (exit status " + sent + ")");
        if (received != 0) throw new Cli.Failure("the receiver failed (exit status " + received + ")");
        return Cli.OK;
    }
}
