package ipclab.sockets;

/**
 * The remote object of Part C: one counter that lives in {@link CounterServer} and is shared by
 * every client, the way a Python {@code Manager().Value} lives in the manager's process. Each
 * call is a message to the server and a reply back. Given: do not change it.
 */
public interface Counter {
    /** Adds 1 and returns the new value. */
    long increment();

    /** Adds {@code delta} (which may be negative) and returns the new value. */
    long add(long delta);

    /** The current value. */
    long get();

    /** {@code "Hello, <name>!"}: a call that needs no counter at all. */
    String hello(String name);
}
