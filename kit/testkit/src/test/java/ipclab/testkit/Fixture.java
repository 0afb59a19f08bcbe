package ipclab.testkit;

import java.nio.file.Path;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.MessageQueue;
import ipclab.ipc.SharedSegment;

/** A program for the testkit's tests: behaves well or badly as its first argument says. */
public final class Fixture {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "echo" -> {  // prints its stdin back line by line, then exits with args[1]
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
                String line;
                while ((line = in.readLine()) != null) System.out.println("echo " + line);
                System.err.println("done");
                System.exit(Integer.parseInt(args[1]));
            }
            case "leave-queue" -> MessageQueue.create(Integer.parseInt(args[1]));
            case "leave-segment" -> SharedSegment.create(SharedSegment.newPath("leak"), 8).close();
            case "leave-child" -> {
                ChildJvm.builder(Fixture.class, "wait").redirectInput(ProcessBuilder.Redirect.INHERIT).start();
                System.out.println("started");
            }
            case "wait" -> Thread.currentThread().join();  // forever, until killed
            case "flood" -> {
                var chunk = "x".repeat(1023) + "\n";
                for (int i = 0; i < 8 * 1024; i++) System.out.print(chunk);
                System.out.flush();
            }
            case "make-fifo" -> ipclab.ipc.NamedPipe.create(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
