package ipclab.echo;

/** {@code Greeter <name>…}: prints {@code hello, <name>} for each name. */
public final class Greeter {
    private Greeter() {
    }

    public static void main(String[] args) {
        for (String name : args) System.out.println(Greeting.of(name));
    }
}
