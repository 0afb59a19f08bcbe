package ipclab.echo;

/** {@code Greeter <name>…}: prints {@code Greeting.of(name)}, {@code hello, <name>}, for each name (the starter: not done yet). */
public final class Greeter {
    private Greeter() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("TODO: greet each name");
    }
}
