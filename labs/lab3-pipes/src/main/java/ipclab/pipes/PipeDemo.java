package ipclab.pipes;

import java.util.List;

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

    /**
     * Runs {@code Sender messages…} and {@code Receiver} joined by one pipe, and returns the exit
     * status of the whole. Start each with {@code ipclab.ipc.ChildJvm.builder(…)} and join them
     * with {@link ProcessBuilder#startPipeline}, which makes the pipe between them; let the
     * receiver's output (and both programs' errors) go straight to this program's with
     * {@code ProcessBuilder.Redirect.INHERIT}. Wait for both; a side that failed is
     * {@code throw new Cli.Failure("the sender failed (exit status " + s + ")")} (or the receiver).
     * Hint: pass {@code "--"} to the sender before the messages, so that a message that looks
     * like an option is still a message.
     */
    static int run(List<String> messages) throws Exception {
        throw new UnsupportedOperationException("TODO: PipeDemo.run: start Sender and Receiver with ProcessBuilder.startPipeline");
    }
}
