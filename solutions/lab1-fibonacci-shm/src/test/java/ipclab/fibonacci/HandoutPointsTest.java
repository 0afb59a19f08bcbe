package ipclab.fibonacci;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ipclab.testkit.Points;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points table in the lab's handout (README.md, "Testing and points") says what the tests'
 * {@link Points} say: for each part, the public points (src/test/java) and the hidden points
 * (src/hidden/java). A test class belongs to part A if its name starts with {@code Fibonacci},
 * to part B if it starts with {@code SharedCounter}.
 */
class HandoutPointsTest {
    private static final Path LAB = Path.of("../../labs/lab1-fibonacci-shm");
    private static final String PACKAGE = "ipclab/fibonacci";
    private static final Map<String, String> PARTS = Map.of("A", "Fibonacci", "B", "SharedCounter");
    /** A row of the table: {@code | A — title | public | hidden | total |}. */
    private static final Pattern ROW = Pattern.compile("^\\| ([AB]) — [^|]+\\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$", Pattern.MULTILINE);

    record Row(int publicPoints, int hiddenPoints, int total) {
    }

    @Test
    void theHandoutsPointsTableMatchesTheTests() throws IOException {
        var stated = new LinkedHashMap<String, Row>();
        var matcher = ROW.matcher(Files.readString(LAB.resolve("README.md")));
        while (matcher.find()) {
            stated.put(matcher.group(1), new Row(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4))));
        }
        var counted = new LinkedHashMap<String, Row>();
        PARTS.forEach((part, prefix) -> {
            int publicPoints = points(LAB.resolve("src/test/java"), prefix);
            int hiddenPoints = points(LAB.resolve("src/hidden/java"), prefix);
            counted.put(part, new Row(publicPoints, hiddenPoints, publicPoints + hiddenPoints));
        });
        assertThat(stated).as("the points table in %s", LAB.resolve("README.md")).containsExactlyInAnyOrderEntriesOf(counted);
    }

    /** The points of every test method in the test classes of one part under this source root. */
    private static int points(Path root, String prefix) {
        try (Stream<Path> files = Files.list(root.resolve(PACKAGE))) {
            List<String> classes = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith("Test.java"))
                    .map(name -> PACKAGE.replace('/', '.') + "." + name.substring(0, name.length() - ".java".length()))
                    .toList();
            assertThat(classes).as("test classes of %s* in %s", prefix, root).isNotEmpty();
            return classes.stream().mapToInt(HandoutPointsTest::points).sum();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + root, e);
        }
    }

    private static int points(String className) {
        try {
            Method[] methods = Class.forName(className).getDeclaredMethods();
            return Arrays.stream(methods).filter(m -> m.isAnnotationPresent(Test.class))
                    .mapToInt(m -> m.isAnnotationPresent(Points.class) ? m.getAnnotation(Points.class).value() : 1).sum();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is not on the test classpath", e);
        }
    }
}
