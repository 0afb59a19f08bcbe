package ipclab.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results channel from both ends: what the harness signs, the grader accepts, and nothing
 * else. The harness's classes (a module of their own, target/harness/harness.jar) are loaded here as
 * plain classes to drive its Channel and Reporter directly.
 */
class HarnessProtocolTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Harness HARNESS = new Harness();

    /** The harness's package-private Channel and Reporter, by reflection. */
    static final class Harness {
        final Class<?> channel;
        final Class<?> reporter;

        Harness() {
            try {
                var loader = new URLClassLoader(new URL[] {Path.of(System.getProperty("ipclab.grader.harness")).toUri().toURL()},
                        HarnessProtocolTest.class.getClassLoader());
                channel = loader.loadClass("ipclab.grader.harness.Channel");
                reporter = loader.loadClass("ipclab.grader.harness.Reporter");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Sender open(OutputStream out, byte[] key) throws ReflectiveOperationException {
            var ctor = channel.getDeclaredConstructor(OutputStream.class, byte[].class);
            ctor.setAccessible(true);
            Object ch = ctor.newInstance(out, key);
            Method send = channel.getDeclaredMethod("send", String.class, String[].class);
            send.setAccessible(true);
            return (kind, fields) -> {
                try {
                    send.invoke(ch, kind, fields);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        }

        String call(String method, Class<?> type, Object arg) {
            try {
                Method m = reporter.getDeclaredMethod(method, type);
                m.setAccessible(true);
                return (String) m.invoke(null, arg);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    interface Sender {
        void send(String kind, String... fields);
    }

    static List<String> written(byte[] key, Consumer<Sender> events) throws ReflectiveOperationException {
        var out = new ByteArrayOutputStream();
        events.accept(HARNESS.open(out, key));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static String encode(String text) {
        return HARNESS.call("encode", String.class, text);
    }

    static String describe(Throwable t) {
        return HARNESS.call("describe", Throwable.class, t);
    }

    @Test
    void theGraderReadsBackWhatTheHarnessSigned() throws Exception {
        String uid = "[engine:junit-jupiter]/[class:X]/[method:m()]";
        var lines = written(KEY, c -> {
            c.send("ready");
            c.send("start", encode(uid));
            c.send("end", encode(uid), "FAILED", "12", encode("expected: 5\n but was: 6"));
            c.send("done");
        });
        var channel = new ResultChannel(KEY);
        var events = new ArrayList<Event>();
        lines.forEach(l -> channel.accept(l).ifPresent(events::add));
        assertThat(events).containsExactly(new Event.Ready(), new Event.Started(uid),
                new Event.Ended(uid, "FAILED", 12, "expected: 5\n but was: 6"), new Event.Done());
        assertThat(channel.refused()).isZero();
    }

    @Test
    void anEmptyMessageTravelsAsADash() throws Exception {
        var lines = written(KEY, c -> c.send("end", encode("u"), "PASSED", "1", encode("")));
        assertThat(lines.getFirst()).contains(" PASSED 1 - ");
        assertThat(new ResultChannel(KEY).accept(lines.getFirst())).contains(new Event.Ended("u", "PASSED", 1, ""));
    }

    @Test
    void linesSignedWithAnotherKeyOrAlteredOrReplayedAreRefused() throws Exception {
        var genuine = written(KEY, c -> {
            c.send("ready");
            c.send("end", encode("u"), "FAILED", "1", "-");
        });
        var otherKey = written("another key, not the run's key!!".getBytes(StandardCharsets.US_ASCII), c -> c.send("ready"));
        var channel = new ResultChannel(KEY);
        assertThat(channel.accept(otherKey.getFirst())).as("signed with another key").isEmpty();
        assertThat(channel.accept(genuine.get(0))).contains(new Event.Ready());
        assertThat(channel.accept(genuine.get(0))).as("a replayed line").isEmpty();
        assertThat(channel.accept(genuine.get(1).replace("FAILED", "PASSED"))).as("an altered line").isEmpty();
        assertThat(channel.accept("1 end dQ PASSED 1 - " + "00".repeat(32))).as("a made-up signature").isEmpty();
        assertThat(channel.accept("garbage")).isEmpty();
        assertThat(channel.accept("")).isEmpty();
        assertThat(channel.accept(genuine.get(1))).as("the genuine line, still next in sequence").isPresent();
        assertThat(channel.refused()).isEqualTo(6);
    }

    @Test
    void linesOutOfSequenceAreRefused() throws Exception {
        var lines = written(KEY, c -> {
            c.send("ready");
            c.send("done");
        });
        assertThat(new ResultChannel(KEY).accept(lines.get(1))).as("line 1 before line 0").isEmpty();
    }

    @Test
    void aFailureReadsAsTheAssertionsMessageOrTheExceptionWithWhereItCameFrom() {
        assertThat(describe(new AssertionError("expected: 5\n but was: 6"))).isEqualTo("expected: 5\n but was: 6");
        var e = new IllegalStateException("boom");
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement("java.util.List", "of", "List.java", 1),
                new StackTraceElement("ipclab.echo.Adder", "add", "Adder.java", 9)});
        assertThat(describe(e)).isEqualTo("java.lang.IllegalStateException: boom\n    at ipclab.echo.Adder.add(Adder.java:9)");
    }
}
