package ipclab.pipes;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import ipclab.testkit.Scoring;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handout's points table ("Testing and points" in labs/lab3-pipes/README.md) says what the
 * tests' {@code @Points} add up to, per part, public and hidden. Runs in the kit's build only.
 */
class HandoutPointsTest {
    private static final Path HANDOUT = Path.of("../../labs/lab3-pipes/README.md");
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]) \\| [^|]+ \\| (\\d+) \\| (\\d+) \\|$");

    /** Which part each test class grades; a method of a class that spans parts is named on its own. */
    private static final Map<String, String> PART = Map.of(
            "ChannelPublicTest", "A", "ChannelHiddenTest", "A", "SenderReceiverHiddenTest", "A", "PipeDemoHiddenTest", "A",
            "ProgramsPublicTest#senderToReceiver", "A", "ProgramsPublicTest#pipeDemo", "A",
            "SquareHiddenTest", "B", "ProgramsPublicTest#squareClient", "B",
            "FifoHiddenTest", "C", "ProgramsPublicTest#namedPipe", "C");

    @Test
    void theHandoutsPointsAreTheTests() throws IOException {
        var stated = new TreeMap<String, String>();
        for (String line : Files.readAllLines(HANDOUT)) {
            var row = ROW.matcher(line);
            if (row.matches()) stated.put(row.group(1), row.group(2) + " public, " + row.group(3) + " hidden");
        }
        var counted = new TreeMap<String, int[]>();
        for (var test : new Class<?>[] {ChannelPublicTest.class, ProgramsPublicTest.class, ChannelHiddenTest.class,
                SenderReceiverHiddenTest.class, PipeDemoHiddenTest.class, SquareHiddenTest.class, FifoHiddenTest.class}) {
            for (Method method : test.getDeclaredMethods()) {
                if (!isTest(method)) continue;
                String part = PART.getOrDefault(test.getSimpleName(), PART.get(test.getSimpleName() + "#" + method.getName()));
                assertThat(part).as("the part of %s#%s", test.getSimpleName(), method.getName()).isNotNull();
                int column = test.getSimpleName().endsWith("PublicTest") ? 0 : 1;
                counted.computeIfAbsent(part, p -> new int[2])[column] += Scoring.points(method);
            }
        }
        var counts = new TreeMap<String, String>();
        counted.forEach((part, points) -> counts.put(part, points[0] + " public, " + points[1] + " hidden"));
        assertThat(stated).as("the points table in " + HANDOUT).isEqualTo(counts);
    }

    /** A test method (a parameterized one is one test: the grader scores it when all its cases pass). */
    private static boolean isTest(Method method) {
        return method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class);
    }
}
