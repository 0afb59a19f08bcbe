package ipclab.bench;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.Address;

/**
 * One remote {@code increment()}: Lab 5's {@code CounterServer} (a child JVM) owns the counter,
 * and this JVM calls it through {@code RpcClient}'s proxy — a JSON-RPC request and its reply over
 * an authenticated UNIX-socket connection, the way a Python {@code Manager().Value} is one round
 * trip to the manager per access. The report sets it beside Lab 1's {@code getAndAdd} in shared
 * memory and Python's {@code Manager().Value += 1} (pair {@code manager}).
 */
final class RemoteCall {
    private static final String SERVER = "ipclab.sockets.CounterServer";

    private RemoteCall() {
    }

    /** The result, or empty (and a note) if Lab 5 is not built. */
    static Optional<Result> run(Settings s, Resources resources, Progress progress, List<String> notes) throws Exception {
        var lab5 = LabCode.lab5();
        if (lab5.isEmpty()) {
            notes.add("Lab 5 is not built (solutions/lab5-sockets or labs/lab5-sockets): the remote increment() was not measured.");
            progress.say(notes.getLast());
            return Optional.empty();
        }
        byte[] authkey = new byte[32];
        new SecureRandom().nextBytes(authkey);
        var keyFile = Files.write(resources.tempDir().resolve("counter-authkey"), authkey);
        SocketAddress address = UnixDomainSocketAddress.of(resources.tempDir().resolve("counter.sock"));
        var server = ServerChild.start(lab5.get().command(SERVER, List.of(Address.format(address), "--authkey-file", keyFile.toString())),
                "listening on ", resources);
        if (server.failure() != null) throw new IOException("Lab 5's CounterServer did not start: " + server.failure());
        try (var loader = lab5.get().loader()) {
            Class<?> api = loader.loadClass("ipclab.sockets.Counter");
            Object counter = loader.loadClass("ipclab.sockets.RpcClient")
                    .getMethod("connect", Class.class, SocketAddress.class, byte[].class)
                    .invoke(null, api, address, authkey);
            Method increment = api.getMethod("increment");
            long before = (long) increment.invoke(counter);
            long[] calls = {0};
            var latency = PerOp.measure(() -> {
                increment.invoke(counter);
                calls[0]++;
            }, 10, s);
            long after = (long) increment.invoke(counter);
            if (after - before != calls[0] + 1) {
                throw new IOException("CounterServer's counter grew by " + (after - before) + " for " + (calls[0] + 1) + " increments");
            }
            return Optional.of(progress.done(new Result(Section.STATE, "remote increment() (Lab 5, JSON-RPC)", Language.JAVA,
                    "manager", 0, 1, latency)));
        } catch (InvocationTargetException e) {
            throw new IOException("a call to CounterServer failed: " + e.getCause() + " (the server: " + server.state() + ")",
                    e.getCause());
        } finally {
            server.terminate();  // SIGTERM: it closes the connections and removes its socket file
        }
    }
}
