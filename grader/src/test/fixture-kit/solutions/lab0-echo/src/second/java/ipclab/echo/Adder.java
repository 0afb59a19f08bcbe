package ipclab.echo;

import java.math.BigInteger;

/** Adds two numbers, another way: through BigInteger. */
public final class Adder {
    private Adder() {
    }

    public static long add(long a, long b) {
        return BigInteger.valueOf(a).add(BigInteger.valueOf(b)).longValue();
    }
}
