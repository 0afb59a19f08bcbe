package ipclab.pipes;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads frames from stdin and prints {@code Received the message: <m>} for each until
 * {@code END}; the stream ending first is an error.
 *
 * <pre>
 * $ ./run Sender | ./run Receiver
 * Received the message: hello
 * Received the message: hey
 * Received the message: hru?
 * </pre>
 */
public final class Receiver {
    private Receiver() {
    }

    public static void main(String[] argv) {
        Command.main("Receiver   (frames on stdin)", argv, args -> {
            if (!args.isEmpty()) throw new Command.Misuse("Receiver takes no arguments");
            try (var in = new Channel(new FileInputStream(FileDescriptor.in), OutputStream.nullOutputStream())) {
                printAll(in);
            }
        });
    }

    static void printAll(Channel in) throws IOException, Command.Trouble {
        while (true) {
            var message = in.receive();
            if (message.isEmpty()) throw new Command.Trouble("the pipe was closed before END");
            if (message.get().equals("END")) return;
            System.out.println("Received the message: " + message.get());
        }
    }
}
