package ipclab.echo;

import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code Greeter <name>…}, another way: builds all the lines, then prints them at once. */
public final class Greeter {
    private Greeter() {
    }

    public static void main(String[] args) {
        System.out.print(Arrays.stream(args).map(n -> "hello, " + n + "\n").collect(Collectors.joining()));
    }
}
