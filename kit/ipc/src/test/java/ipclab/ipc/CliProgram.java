package ipclab.ipc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A program for the tests of {@link Cli}: behaves as its first argument says. */
public final class CliProgram {
    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, "usage: CliProgram <what> [n] [--key K]", "--key").positional(1, 2);
            switch (args.get(0)) {
                case "ok" -> System.out.println("key " + args.key());
                case "range" -> System.out.println("n " + args.integer(1, "n", 0, 93));
                case "fail" -> throw new Cli.Failure("it went wrong");
                case "crash" -> throw new IllegalStateException("surprise");
                case "queue" -> MessageQueue.open(args.key());
                case "cleanup" -> {
                    var queue = MessageQueue.createExclusive(args.key());
                    Cli.removeOnExit(queue::remove);
                    System.out.println("created");
                    System.out.flush();
                    queue.receive(1);  // waits until a signal ends the program
                }
                case "child" -> {
                    var child = ChildJvm.start(Hello.class, "0");  // waits for stdin's end, which never comes
                    System.out.println("started " + child.pid());   // and no removeOnExit of our own
                    System.out.flush();
                    child.waitFor();
                }
                case "start-while-exiting" -> {
                    var cleanupBegan = new CountDownLatch(1);
                    var triedToStart = new CountDownLatch(1);
                    Cli.removeOnExit(() -> {  // the signal's cleanup: held open until main has tried
                        cleanupBegan.countDown();
                        triedToStart.await(30, TimeUnit.SECONDS);
                    });
                    System.out.println("ready");
                    System.out.flush();
                    cleanupBegan.await();     // a signal is ending the program now
                    try {
                        ChildJvm.start(Hello.class, "0");
                        System.out.println("a child started after the cleanup began");
                    } catch (Cli.Failure e) {
                        System.out.println("refused: " + e.getMessage());
                    }
                    System.out.flush();
                    triedToStart.countDown();
                    Thread.currentThread().join();  // the JVM halts when the cleanup ends
                }
                default -> throw new Cli.UsageException(args.usage());
            }
            return Cli.OK;
        });
    }
}
