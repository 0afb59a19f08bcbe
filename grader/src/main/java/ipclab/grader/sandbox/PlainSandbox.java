package ipclab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * No isolation: the command runs as a plain child process in the scratch folder, with a minimal
 * environment. The grader's time, process, memory and output limits still apply, and the kill
 * reaches every process it saw in the tree; a process that escaped between two looks may survive.
 */
public record PlainSandbox(Limits limits) implements Sandbox {

    @Override
    public Box start(List<String> command, Map<String, Path> readOnly, Path mountPoint, Path scratch, Map<String, String> env)
            throws IOException {
        Files.createDirectories(scratch.resolve("tmp"));
        var builder = new ProcessBuilder(command).directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("HOME", scratch.toString());
        return new Box(builder.start());
    }

    @Override
    public String pathOf(String name, Path host) {
        return host.toString();
    }

    @Override
    public String tmpDir(Path scratch) {
        return scratch.resolve("tmp").toString();
    }

    @Override
    public String description() {
        return "plain processes (no namespaces): time, process, memory and output limits only";
    }
}
