package ipclab.bench;

/** A child JVM that does nothing: its start-to-exit time is what any child JVM costs at least. */
public final class EmptyChild {
    private EmptyChild() {
    }

    public static void main(String[] args) {
    }
}
