package ipclab.pipes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * Answers each decimal integer on stdin with its square on stdout, until {@code END}.
 *
 * <pre>
 * $ ./run Sender 3 -4 | ./run SquareWorker | od -An -c
 * </pre>
 */
public final class SquareWorker {
    private SquareWorker() {
    }

    public static void main(String[] argv) {
        Command.main("SquareWorker   (numbers on stdin)", argv, args -> {
            if (!args.isEmpty()) throw new Command.Misuse("SquareWorker takes no arguments");
            try (var pipe = new Channel(new BufferedInputStream(new FileInputStream(FileDescriptor.in)),
                    new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)))) {
                for (var m = pipe.receive(); !m.orElse("END").equals("END"); m = pipe.receive()) {
                    long n;
                    try {
                        n = Long.parseLong(m.get());
                    } catch (NumberFormatException e) {
                        throw new Command.Trouble("'" + m.get() + "' is not an integer");
                    }
                    pipe.send(Long.toString(n * n));
                }
            }
        });
    }
}
