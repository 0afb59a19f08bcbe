package ipclab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ipclab.grader.build.LabBuild;
import ipclab.grader.submission.LabSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each handout's promises are in its tests, and its tests check nothing it does not promise.
 * A handout's promises are its "What the tests check" list: the bullets ({@code - …}, continued
 * on lines indented by two spaces) after the line that starts with {@code **What the tests
 * check**}. {@code solutions/<lab>/promises.tsv} names, for each bullet (by its first words), the
 * public and hidden tests that check it ({@code Class#method}, as wrong solutions name them).
 * For every lab of the kit: every bullet is mapped (by exactly one line), every line maps a
 * bullet, every test named exists, and every public and hidden test is named under a bullet.
 */
class HandoutPromisesTest {
    static final String LIST = "**What the tests check**";
    private static final Pattern TEST = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern METHOD = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(");

    static Stream<Arguments> labs() {
        return Fixtures.realKit().labs().stream().map(lab -> Arguments.of(lab.name(), lab));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void everyPromiseOfTheHandoutIsTestedAndEveryTestChecksAPromise(String name, LabSpec lab) throws IOException {
        Path tsv = lab.solutionDir().resolve("promises.tsv");
        assertThat(tsv).as("the tests of each promise of " + name + "'s handout").isRegularFile();
        assertThat(problems(Files.readString(lab.dir().resolve("README.md")), Files.readString(tsv), tests(lab))).isEmpty();
    }

    @Test
    void aHandoutAndItsTestsThatDisagreeAreNamed() {
        String readme = """
                # Lab
                **What the tests check** (all of it):

                - the output,
                  on two lines;
                - bad arguments.

                - not in the list
                """;
        String tsv = """
                # comment
                the output	T#prints T#gone
                the input	T#reads
                """;
        assertThat(problems(readme, tsv, Set.of("T#prints", "T#reads", "T#formats"))).containsExactly(
                "a bullet of the handout that no line of promises.tsv maps (or several do): bad arguments.",
                "a line of promises.tsv that begins no bullet of the handout (or several): the input",
                "a test that promises.tsv names and that does not exist: T#gone",
                "a test that checks no promise of the handout (state what it checks there, or drop it): T#formats");
        assertThat(bullets(readme)).containsExactly("the output, on two lines;", "bad arguments.");
        assertThat(problems("# Lab without a list\n", tsv, Set.of()))
                .containsExactly("the handout has no list after a line starting " + LIST);
    }

    /** What disagrees between a handout, its promises.tsv and its tests; empty when they agree. */
    static List<String> problems(String readme, String tsv, Set<String> tests) {
        var bullets = bullets(readme);
        if (bullets.isEmpty()) return List.of("the handout has no list after a line starting " + LIST);
        var promises = promises(tsv);
        var problems = new ArrayList<String>();
        bullets.stream().filter(b -> promises.keySet().stream().filter(b::startsWith).count() != 1)
                .forEach(b -> problems.add("a bullet of the handout that no line of promises.tsv maps (or several do): " + b));
        promises.keySet().stream().filter(k -> bullets.stream().filter(b -> b.startsWith(k)).count() != 1)
                .forEach(k -> problems.add("a line of promises.tsv that begins no bullet of the handout (or several): " + k));
        var named = new TreeSet<String>();
        promises.values().forEach(named::addAll);
        named.stream().filter(t -> !tests.contains(t))
                .forEach(t -> problems.add("a test that promises.tsv names and that does not exist: " + t));
        new TreeSet<>(tests).stream().filter(t -> !named.contains(t))
                .forEach(t -> problems.add("a test that checks no promise of the handout (state what it checks there, or drop it): " + t));
        return problems;
    }

    /** The bullets of the list after the line that starts with {@link #LIST}, each on one line. */
    static List<String> bullets(String readme) {
        var bullets = new ArrayList<String>();
        boolean inList = false;
        for (String line : readme.lines().toList()) {
            if (line.startsWith(LIST)) {
                inList = true;
            } else if (inList && line.startsWith("- ")) {
                bullets.add(line.substring(2).strip());
            } else if (inList && !bullets.isEmpty() && line.startsWith("  ") && !line.isBlank()) {
                bullets.set(bullets.size() - 1, bullets.getLast() + " " + line.strip());
            } else if (inList && !bullets.isEmpty()) {
                break;
            }
        }
        return bullets;
    }

    /** The lines of promises.tsv: a bullet's first words, then its tests. */
    static Map<String, List<String>> promises(String tsv) {
        var promises = new LinkedHashMap<String, List<String>>();
        for (String line : tsv.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split("\t", 2);
            assertThat(parts).as("a bullet's first words, a tab, its tests: " + line).hasSize(2);
            assertThat(promises.put(parts[0], List.of(parts[1].strip().split("\\s+")))).as("one line per bullet: " + parts[0]).isNull();
        }
        return promises;
    }

    /** Every test method of the lab's public and hidden tests, as {@code Class#method}. */
    static TreeSet<String> tests(LabSpec lab) throws IOException {
        var tests = new TreeSet<String>();
        for (Path file : LabBuild.javaFiles(LabBuild.testRoots(lab))) {
            String source = Files.readString(file);
            String className = file.getFileName().toString().replaceFirst("\\.java$", "");
            var annotations = TEST.matcher(source).results().toList();
            for (int i = 0; i < annotations.size(); i++) {
                var method = METHOD.matcher(source);
                int end = i + 1 < annotations.size() ? annotations.get(i + 1).start() : source.length();
                assertThat(method.find(annotations.get(i).end()) && method.start() < end)
                        .as("a void test method after " + className + "'s annotation at " + annotations.get(i).start()).isTrue();
                tests.add(className + "#" + method.group(1));
            }
        }
        return tests;
    }
}
