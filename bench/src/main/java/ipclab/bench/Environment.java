package ipclab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.time.format.DateTimeFormatter;

import ipclab.ipc.MessageQueue;

/** The machine a run measured: cores, load, JDK, kernel queue limits. Numbers mean little without it. */
record Environment(String when, int cores, String load, String jdk, String os, long msgmax, String msgmnb) {

    static Environment now() {
        return new Environment(ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16),
                Runtime.getRuntime().availableProcessors(), read("/proc/loadavg"),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                MessageQueue.maxMessageBytes(), read("/proc/sys/kernel/msgmnb"));
    }

    private static String read(String file) {
        try {
            String text;  // a stream: Files.readString trusts the size /proc reports (0) and reads too little
            try (var in = Files.newInputStream(Path.of(file))) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
            return file.endsWith("loadavg") ? String.join(" ", Arrays.copyOf(text.split("\\s+"), 3)) : text;
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String loadLine(String when) {
        return "load average (1, 5, 15 min) " + when + ": " + load;
    }

    /** A short paragraph for the top of the terminal output. */
    String describe() {
        return "machine: " + cores + " cores, " + os + ", " + jdk + ", " + when + "\n"
                + loadLine("before the run") + " (other work on the machine moves the numbers)\n"
                + "System V limits: " + msgmax + " bytes per message (kernel.msgmax), " + msgmnb + " bytes per queue (kernel.msgmnb)";
    }

    /** One line for under the plot's title. */
    String caption() {
        return cores + " cores, " + jdk + ", load " + load + ", " + when;
    }
}
