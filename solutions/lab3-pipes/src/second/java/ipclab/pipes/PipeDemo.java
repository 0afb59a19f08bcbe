package ipclab.pipes;

import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import ipclab.ipc.ChildJvm;

/**
 * The shell's {@code Sender messages… | Receiver}, done by the program: two child JVMs joined
 * by one anonymous pipe that {@link ProcessBuilder#startPipeline} makes; the receiver prints on
 * this program's stdout. Both exits are awaited together, as futures.
 *
 * <pre>
 * $ ./run PipeDemo "one message" another
 * Received the message: one message
 * Received the message: another
 * </pre>
 */
public final class PipeDemo {
    private PipeDemo() {
    }

    public static void main(String[] argv) {
        Command.main("PipeDemo [messages...]", argv, args -> {
            var pipeline = ProcessBuilder.startPipeline(List.of(
                    ChildJvm.builder(Sender.class, args.toArray(String[]::new)).redirectError(Redirect.INHERIT),
                    ChildJvm.builder(Receiver.class).redirectOutput(Redirect.INHERIT).redirectError(Redirect.INHERIT)));
            Command.atExit(() -> pipeline.forEach(Process::destroyForcibly));
            var exits = new ArrayList<CompletableFuture<Process>>();
            for (Process p : pipeline) exits.add(p.onExit());
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).join();
            String[] sides = {"sender", "receiver"};
            for (int i = 0; i < 2; i++) {
                int status = pipeline.get(i).exitValue();
                if (status != 0) throw new Command.Trouble("the " + sides[i] + " failed (exit status " + status + ")");
            }
        });
    }
}
