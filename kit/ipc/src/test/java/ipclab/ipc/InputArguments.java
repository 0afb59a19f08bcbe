package ipclab.ipc;

import java.lang.management.ManagementFactory;

/** A child for the tests: prints the options its JVM was started with, one a line. */
public final class InputArguments {
    public static void main(String[] args) {
        ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
    }
}
