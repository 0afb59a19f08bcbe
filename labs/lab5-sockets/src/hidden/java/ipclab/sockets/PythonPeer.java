package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import ipclab.testkit.Lab;
import ipclab.testkit.Timing;

import static org.awaitility.Awaitility.await;

/**
 * The course's Python on the other end of a socket: {@code multiprocessing.connection}'s
 * {@code Listener} and {@code Client} from the standard library, nothing installed. With
 * {@code --form 3.12} the script replaces the module's two handshake functions with the ones of
 * CPython 3.12 ({@code deliver_challenge}, {@code answer_challenge} and their helpers
 * {@code _get_digest_name_and_payload}, {@code _create_response}, {@code _verify_challenge}), so
 * that an older Python on this machine still speaks the current {@code {sha256}} form, and it
 * reports which form it was challenged and answered in.
 *
 * <p>Without a {@code python3} on the PATH the tests that need one are skipped, with one line.
 */
final class PythonPeer implements AutoCloseable {
    static final String SCRIPT = """
            import hmac, json, os, signal, sys
            from multiprocessing import connection as mpc
            signal.alarm(120)  # never outlive a test

            role, address, keyhex, form = sys.argv[1:5]
            key = bytes.fromhex(keyhex)
            if address.startswith('unix:'):
                address = address[len('unix:'):]
            else:
                host, port = address[len('tcp:'):].rsplit(':', 1)
                address = (host, int(port))

            def say(*words):
                print(*words, flush=True)

            if form == '3.12':
                # The handshake of CPython 3.12's multiprocessing/connection.py, in our words.
                NAMES = (b'md5', b'sha256', b'sha384', b'sha3_256', b'sha3_384')

                def digest_name(message):           # _get_digest_name_and_payload
                    if len(message) in (16, 20):
                        return '', message
                    if message.startswith(b'{'):
                        end = message.find(b'}', 1, 10)
                        if end > 0 and message[1:end] in NAMES:
                            return message[1:end].decode('ascii'), message[end + 1:]
                    raise mpc.AuthenticationError('unsupported digest form')

                def deliver(conn, authkey):          # deliver_challenge
                    message = b'{sha256}' + os.urandom(40)
                    conn.send_bytes(b'#CHALLENGE#' + message)
                    response = conn.recv_bytes(256)
                    name, mac = digest_name(response)
                    say('answered in form:', name or 'legacy')
                    expected = hmac.new(authkey, message, name or 'md5').digest()
                    if not hmac.compare_digest(expected, mac):
                        conn.send_bytes(b'#FAILURE#')
                        raise mpc.AuthenticationError('digest received was wrong')
                    conn.send_bytes(b'#WELCOME#')

                def answer(conn, authkey):           # answer_challenge and _create_response
                    message = conn.recv_bytes(256)
                    if not message.startswith(b'#CHALLENGE#'):
                        raise mpc.AuthenticationError('expected a challenge')
                    message = message[len(b'#CHALLENGE#'):]
                    name = digest_name(message)[0]
                    say('challenged in form:', name or 'legacy')
                    if name:
                        conn.send_bytes(b'{' + name.encode('ascii') + b'}' + hmac.new(authkey, message, name).digest())
                    else:
                        conn.send_bytes(hmac.new(authkey, message, 'md5').digest())
                    if conn.recv_bytes(256) != b'#WELCOME#':
                        raise mpc.AuthenticationError('digest sent was rejected')

                mpc.deliver_challenge = deliver
                mpc.answer_challenge = answer

            try:
                if role == 'listen':
                    with mpc.Listener(address, authkey=key) as listener:
                        bound = listener.address
                        say('listening on', 'unix:' + bound if isinstance(bound, str) else 'tcp:%s:%d' % bound)
                        conn = listener.accept()
                        message = conn.recv_bytes()
                        conn.send_bytes(b'python got ' + message)
                        try:
                            conn.recv_bytes()
                        except EOFError:
                            say('closed by the other side')
                elif role == 'connect':
                    conn = mpc.Client(address, authkey=key)
                    conn.send_bytes('hello from python'.encode())
                    say('python received', conn.recv_bytes().decode())
                    conn.close()
                elif role == 'rpc':
                    conn = mpc.Client(address, authkey=key)
                    def call(method, params, id=None):
                        request = {'jsonrpc': '2.0', 'method': method, 'params': params}
                        if id is not None:
                            request['id'] = id
                        conn.send_bytes(json.dumps(request).encode())
                        return json.loads(conn.recv_bytes()) if id is not None else None
                    start = call('get', [], 1)['result']
                    say('add', call('add', [40], 2)['result'] - start)
                    call('increment', [])
                    say('get', call('get', [], 3)['result'] - start)
                    say('hello', call('hello', ['Python'], 4)['result'])
                    say('nope', call('nope', [], 5)['error']['code'])
                    say('bad', call('add', ['forty'], 6)['error']['code'])
                    conn.close()
            except mpc.AuthenticationError as e:
                say('python: authentication failed:', e)
                sys.exit(3)
            """;

    private final Process process;
    private final Path out;

    private PythonPeer(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    /** The python3 on the PATH, or the test is skipped (one line saying why). */
    static Path python3() {
        Optional<Path> found = Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(p -> List.of(p.split(java.io.File.pathSeparator)).stream())
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "python3")).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(found.isPresent(), "no python3 on the PATH: the Python interoperability test is skipped");
        return found.orElseThrow();
    }

    /** Starts the script: role listen, connect or rpc; form "stock" (this Python's own handshake) or "3.12". */
    static PythonPeer start(Lab lab, String role, String address, byte[] key, String form) {
        Path python = python3();
        try {
            Path dir = lab.tempDir();
            Path script = dir.resolve("peer.py");
            if (!Files.exists(script)) Files.writeString(script, SCRIPT);
            Path out = Files.createTempFile(dir, "python-", ".out");
            var command = new ArrayList<>(
                    List.of(python.toString(), script.toString(), role, address, HexFormat.of().formatHex(key), form));
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return new PythonPeer(process, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete lines Python printed so far (a line still being written does not count). */
    List<String> lines() {
        try {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : text.substring(0, end).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Waits for a line starting with the prefix and returns it. */
    String awaitLine(String prefix) {
        await().alias("python prints a line starting '" + prefix + "'").atMost(Timing.scaled(Duration.ofSeconds(60)))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> lines().stream().anyMatch(l -> l.startsWith(prefix)) || !process.isAlive());
        return lines().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("python printed no line starting '" + prefix + "':\n" + String.join("\n", lines())));
    }

    int awaitExit() {
        try {
            if (!process.waitFor(Timing.scaled(Duration.ofSeconds(60)).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("python did not exit:\n" + String.join("\n", lines()));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Kills Python and what it started (a {@code python3} on the PATH may be a wrapper script). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
