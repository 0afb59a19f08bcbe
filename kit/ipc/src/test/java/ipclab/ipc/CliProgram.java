package ipclab.ipc;

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
                default -> throw new Cli.UsageException(args.usage());
            }
            return Cli.OK;
        });
    }
}
