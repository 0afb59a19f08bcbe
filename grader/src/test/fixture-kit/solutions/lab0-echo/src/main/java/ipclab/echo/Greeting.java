package ipclab.echo;

/** The greeting's words, given: {@link Greeter} prints {@code Greeting.of(name)}. Do not change. */
public final class Greeting {
    private Greeting() {
    }

    public static String of(String name) {
        return "hello, " + name;
    }
}
