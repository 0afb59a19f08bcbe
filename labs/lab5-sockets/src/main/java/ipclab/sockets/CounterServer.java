package ipclab.sockets;

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

    /** The counter itself, in this process: make it exact when calls from many connections run at once. */
    static final class SharedCounter implements Counter {
        @Override
        public long increment() {
            throw new UnsupportedOperationException("TODO: SharedCounter.increment");
        }

        @Override
        public long add(long delta) {
            throw new UnsupportedOperationException("TODO: SharedCounter.add");
        }

        @Override
        public long get() {
            throw new UnsupportedOperationException("TODO: SharedCounter.get");
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
            throw new UnsupportedOperationException(
                    "TODO: CounterServer: a Listener, an RpcServer of a SharedCounter, print the address, serve");
        });
    }
}
