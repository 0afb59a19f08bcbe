package ipclab.grader;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.sandbox.Limits;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.submission.LabSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each lab tells the student about its points agrees with its tests' {@code @Points}, as
 * the grader finds them. Two places say it:
 *
 * <ul>
 *   <li>{@code src/test/resources/ipclab-selfcheck.properties}, read by the self-check after
 *       {@code ./mvnw test}: {@code lab=} its name, {@code hidden.points=} the points of its
 *       hidden tests (which are not in the handout), and {@code part.<P>=} which tests grade
 *       part P of the handout: the starts of their names ({@code SimpleClassName#method}; where
 *       two parts' starts fit a test, the longer one says its part);</li>
 *   <li>the handout's table in "Testing and points" ({@code | P | what | public | hidden |} per
 *       part, then {@code | | total | public | hidden |}).</li>
 * </ul>
 *
 * Every test of a lab belongs to exactly one part.
 */
@Timeout(600)
class SelfCheckDataTest {
    /** A row of the handout's points table: part (empty in the total row), what, public points, hidden points. */
    private static final Pattern ROW = Pattern.compile("^\\| *([^|]*?) *\\| *([^|]*?) *\\| *(\\d+) *\\| *(\\d+) *\\|$");
    private static final Pattern SECTION = Pattern.compile("^#+ (?:\\d+\\. )?Testing and points$");

    /** A lab with its self-check data and the tests the grader expects from it. */
    record LabTests(LabSpec lab, Path data, Properties properties, List<ExpectedTest> tests) {
        boolean hidden(ExpectedTest test) {
            return Files.isRegularFile(lab.hiddenTests().resolve(test.className().replace('.', '/') + ".java"));
        }
    }

    /** Public and hidden points of a part (or of the total). */
    record Points(int publicPoints, int hiddenPoints) {
        Points plus(Points other) {
            return new Points(publicPoints + other.publicPoints, hiddenPoints + other.hiddenPoints);
        }
    }

    @TempDir
    static Path work;
    private static List<LabTests> labs;

    @BeforeAll
    static void findEveryLabsTests() throws IOException {
        var kit = Fixtures.realKit();
        var grader = Fixtures.grader(kit, Limits.defaults(), work.resolve("work"), work.resolve("cache"));
        labs = new ArrayList<>();
        for (var lab : kit.labs()) {
            Path data = lab.dir().resolve("src/test/resources/ipclab-selfcheck.properties");
            assertThat(data).as(lab.name()).isRegularFile();
            var properties = new Properties();
            try (Reader in = Files.newBufferedReader(data)) {
                properties.load(in);
            }
            labs.add(new LabTests(lab, data, properties, grader.expectedTests(lab)));
        }
    }

    @Test
    void everyLabStatesItsNameAndTheRightHiddenPoints() {
        var softly = new SoftAssertions();
        for (var lab : labs) {
            int hidden = lab.tests().stream().filter(lab::hidden).mapToInt(ExpectedTest::points).sum();
            softly.assertThat(lab.properties().getProperty("lab")).as(lab.lab().name()).isEqualTo(lab.lab().name());
            softly.assertThat(lab.properties().getProperty("hidden.points")).as(lab.lab().name() + ": hidden.points in " + lab.data())
                    .isEqualTo(Integer.toString(hidden));
        }
        softly.assertAll();
    }

    @Test
    void everyHandoutsPointsTableIsWhatItsTestsAddUpTo() throws IOException {
        var softly = new SoftAssertions();
        for (var lab : labs) {
            Path handout = lab.lab().dir().resolve("README.md");
            var parts = new TreeMap<String, List<String>>();
            lab.properties().stringPropertyNames().stream().filter(k -> k.startsWith("part.")).forEach(
                    k -> parts.put(k.substring("part.".length()), Arrays.asList(lab.properties().getProperty(k).strip().split("\\s+"))));
            softly.assertThat(parts).as("%s: the parts (part.<P>=…) in %s", lab.lab().name(), lab.data()).isNotEmpty();

            var counted = new TreeMap<String, Points>();
            for (var test : lab.tests()) {
                var of = partOf(test, parts);
                softly.assertThat(of)
                        .as("%s: the parts %s belongs to (by the part.<P> lines in %s)", lab.lab().name(), test.shortName(), lab.data())
                        .hasSize(1);
                if (of.size() != 1) continue;
                var points = lab.hidden(test) ? new Points(0, test.points()) : new Points(test.points(), 0);
                counted.merge(of.getFirst(), points, Points::plus);
            }

            var stated = new TreeMap<String, Points>();
            Points statedTotal = null;
            for (String[] row : table(handout)) {
                var points = new Points(Integer.parseInt(row[2]), Integer.parseInt(row[3]));
                if (row[0].isEmpty() && row[1].equals("total")) statedTotal = points;
                else stated.put(row[0], points);
            }
            softly.assertThat(stated).as("%s: the rows of the points table in %s", lab.lab().name(), handout).isEqualTo(counted);
            softly.assertThat(statedTotal).as("%s: the total row of the points table in %s", lab.lab().name(), handout)
                    .isEqualTo(counted.values().stream().reduce(new Points(0, 0), Points::plus));
        }
        softly.assertAll();
    }

    /** The parts whose longest start of a name that fits the test's is the longest of all (one, unless the data is ambiguous). */
    private static List<String> partOf(ExpectedTest test, Map<String, List<String>> parts) {
        var fit = new TreeMap<String, Integer>();
        parts.forEach((part, starts) -> starts.stream().filter(test.shortName()::startsWith).mapToInt(String::length).max()
                .ifPresent(length -> fit.put(part, length)));
        int best = fit.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return fit.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
    }

    /** The rows of the table in the handout's "Testing and points" section, each as its four cells. */
    private static List<String[]> table(Path handout) throws IOException {
        var rows = new ArrayList<String[]>();
        boolean inSection = false;
        for (String line : Files.readAllLines(handout)) {
            if (line.startsWith("#")) inSection = SECTION.matcher(line).matches() || (inSection && line.startsWith("###"));
            var row = ROW.matcher(line);
            if (inSection && row.matches()) rows.add(new String[] {row.group(1), row.group(2), row.group(3), row.group(4)});
        }
        assertThat(rows).as("the points table in section \"Testing and points\" of %s", handout).isNotEmpty();
        return rows;
    }
}
