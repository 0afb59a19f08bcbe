package ipclab.pipes;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.util.List;

/**
 * Sends each argument (none: {@code hello}, {@code hey}, {@code hru?}) and then {@code END} as
 * frames on stdout, straight to file descriptor 1 so that a broken pipe is an error.
 *
 * <pre>
 * $ ./run Sender hey | od -An -c
 *   \0  \0  \0 003   h   e   y  \0  \0  \0 003   E   N   D
 * </pre>
 */
public final class Sender {
    static final List<String> COURSE = List.of("hello", "hey", "hru?");

    private Sender() {
    }

    public static void main(String[] argv) {
        Command.main("Sender [messages...]", argv, args -> {
            try (var out = new Channel(InputStream.nullInputStream(), new FileOutputStream(FileDescriptor.out))) {
                sendWithEnd(out, args.isEmpty() ? COURSE : args);
            }
        });
    }

    static void sendWithEnd(Channel out, List<String> messages) throws java.io.IOException {
        for (String m : messages) out.send(m);
        out.send("END");
    }
}
