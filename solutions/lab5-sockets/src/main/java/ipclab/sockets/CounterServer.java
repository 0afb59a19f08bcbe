package ipclab.sockets;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import ipclab.ipc.Address;
import ipclab.ipc.Cli;

/**
 * One {@link Counter} in this process, shared by every client through remote calls: the
 * course's manager with its {@code Value}.
 *
 * <pre>
 * $ ./run CounterServer unix:/tmp/counter.sock --authkey-file key.txt
 * listening on unix:/tmp/counter.sock
 * $ ./run CounterClient unix:/tmp/counter.sock --authkey-file key.txt 4 10000     (another terminal)
 * expected=40000 actual=40000
 * calls per second: 21834.5
 * </pre>
 *
 * It runs until SIGINT or SIGTERM, and then removes its socket file.
 */
public final class CounterServer {
    private static final String USAGE = "usage: CounterServer <address> --authkey-file <file>";

    private CounterServer() {
    }

    /** The counter itself: exact without a lock of the client's, because only this process touches it. */
    static final class SharedCounter implements Counter {
        private final AtomicLong value = new AtomicLong();

        @Override
        public long increment() {
            return value.incrementAndGet();
        }

        @Override
        public long add(long delta) {
            return value.addAndGet(delta);
        }

        @Override
        public long get() {
            return value.get();
        }

        @Override
        public String hello(String name) {
            return "Hello, " + name + "!";
        }
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--authkey-file").positional(1, 1);
            var address = KvServer.parseAddress(args.get(0));
            byte[] authkey = KeyFile.fromOption(args);
            var listener = new Listener(address, authkey);
            try (var server = new RpcServer(listener, Counter.class, new SharedCounter())) {
                Cli.removeOnExit(server::close);
                new PrintStream(System.out, true, StandardCharsets.UTF_8).println("listening on " + Address.format(listener.address()));
                server.serve();
            }
            return Cli.OK;
        });
    }
}
