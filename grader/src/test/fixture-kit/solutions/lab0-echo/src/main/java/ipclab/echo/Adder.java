package ipclab.echo;

/** Adds two numbers. */
public final class Adder {
    private Adder() {
    }

    public static long add(long a, long b) {
        return a + b;
    }
}
