package ipclab.echo;

/** Adds two numbers, and one more. */
public final class Adder {
    private Adder() {
    }

    public static long add(long a, long b) {
        return a + b + 1;
    }
}
