package ipclab.sockets;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which local addresses listen on a TCP port, from the kernel's own tables ({@code /proc/net/tcp}
 * and {@code tcp6}): the way {@code ss -ltn} finds out, without trusting what the server prints.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The addresses (e.g. {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::}) with a listening socket on the port. */
    static List<String> onPort(int port) throws IOException {
        var found = new ArrayList<String>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) continue;
            var lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                if (!fields[3].equals(LISTEN) || Integer.parseInt(local[1], 16) != port) continue;
                found.add(address(local[0]));
            }
        }
        return found;
    }

    /** /proc's hex address: 32-bit words in the machine's (little-endian) order. */
    private static String address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress();  // an IPv4-mapped IPv6 address comes back as IPv4
    }
}
