package ipclab.fibonacci;

/** A helper cyd started and did not finish: it does not compile. */
final class Sequence {
    static long[] first(int n) {
        long[] f = new long[n]
        return f;
    }
}
