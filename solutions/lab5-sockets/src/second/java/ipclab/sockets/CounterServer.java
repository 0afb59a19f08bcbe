package ipclab.sockets;

import ipclab.ipc.Address;

/**
 * Part C's counter server (second solution): one {@link Counter} shared by every client, served
 * over JSON-RPC until SIGINT or SIGTERM, which close the server and remove its socket file.
 *
 * <pre>
 * $ ./run CounterServer unix:/tmp/counter.sock --authkey-file key.txt
 * listening on unix:/tmp/counter.sock
 * </pre>
 */
public final class CounterServer {
    private CounterServer() {
    }

    /** The shared counter: each method holds the object's monitor, so no update is lost. */
    static final class Tally implements Counter {
        private long value;

        @Override
        public synchronized long increment() {
            return ++value;
        }

        @Override
        public synchronized long add(long delta) {
            value += delta;
            return value;
        }

        @Override
        public synchronized long get() {
            return value;
        }

        @Override
        public String hello(String name) {
            return "Hello, " + name + "!";
        }
    }

    public static void main(String[] argv) {
        Program.main(argv, "CounterServer <address> --authkey-file <file>", true, words -> {
            var listener = words.keyedListener();
            var server = new RpcServer(listener, Counter.class, new Tally());
            Program.atExit(server::close);
            System.out.println("listening on " + Address.format(listener.address()));
            server.serve();
            return 0;
        });
    }
}
