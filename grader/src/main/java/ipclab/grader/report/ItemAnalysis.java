package ipclab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ipclab.grader.score.LabStatus;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility;

/**
 * What the class as a whole did on each lab, for {@code grades.json} and the HTML report: each
 * test's pass rate, the lab's score distribution, the tests nobody or everybody passed (flagged:
 * the test may be broken, or too easy), and the failures grouped by the first line of their
 * message ("23 students: the program left a shared-memory segment behind"). Only students whose
 * lab was built and run count; the others are counted by status.
 */
public final class ItemAnalysis {
    private ItemAnalysis() {
    }

    /** One lab of the class. */
    public record Lab(String lab, int maxPoints, int graded, Map<String, Integer> notGraded, List<Bin> distribution,
                      List<TestStat> tests, List<FailureGroup> failures) {
    }

    /** How many students scored {@code points} (the histogram's bar). */
    public record Bin(int points, int students) {
    }

    /**
     * A test across the class: passed by {@code passed} of {@code graded} students.
     *
     * @param flag     {@code nobody} or {@code everybody} passed it (of at least two students), else null
     * @param unstable whether repeated runs disagreed ({@code --repeat}); null when not measured
     */
    public record TestStat(String name, int points, Visibility.Level visibility, int passed, int graded, double passRate,
                           String flag, Boolean unstable) {
    }

    /** Failures with the same first message line: how many, in which tests, which students. */
    public record FailureGroup(String firstLine, int count, List<String> tests, List<String> students) {
    }

    public static List<Lab> of(ClassResult result) {
        var labs = new ArrayList<Lab>();
        for (var e : result.labs().entrySet()) labs.add(lab(result, e.getKey(), e.getValue()));
        return labs;
    }

    private static Lab lab(ClassResult result, String lab, int max) {
        var grades = result.students().stream().flatMap(s -> s.lab(lab).stream().map(g -> Map.entry(s.student(), g))).toList();
        var graded = grades.stream().filter(e -> e.getValue().status() == LabStatus.GRADED).toList();
        var notGraded = new TreeMap<String, Integer>();
        grades.stream().filter(e -> e.getValue().status() != LabStatus.GRADED)
                .forEach(e -> notGraded.merge(e.getValue().status().words(), 1, Integer::sum));
        var bins = new TreeMap<Integer, Integer>();
        graded.forEach(e -> bins.merge(e.getValue().points(), 1, Integer::sum));
        var distribution = bins.entrySet().stream().map(b -> new Bin(b.getKey(), b.getValue())).toList();

        var stats = new LinkedHashMap<String, int[]>();
        var tests = new LinkedHashMap<String, ipclab.grader.score.ExpectedTest>();
        var groups = new LinkedHashMap<String, FailureGroup>();
        for (var e : graded) {
            for (var t : e.getValue().tests()) {
                tests.putIfAbsent(t.test().uid(), t.test());
                int[] counts = stats.computeIfAbsent(t.test().uid(), k -> new int[2]);
                counts[1]++;
                if (t.verdict() == Verdict.PASSED) {
                    counts[0]++;
                } else if (t.verdict() == Verdict.FAILED) {
                    String first = t.message().strip().lines().findFirst().orElse("(no message)");
                    var g = groups.getOrDefault(first, new FailureGroup(first, 0, List.of(), List.of()));
                    groups.put(first,
                            new FailureGroup(first, g.count() + 1, addOnce(g.tests(), t.test().name()), addOnce(g.students(), e.getKey())));
                }
            }
        }
        var testStats = new ArrayList<TestStat>();
        stats.forEach((uid, c) -> {
            var t = tests.get(uid);
            String flag = c[1] < 2 ? null : c[0] == 0 ? "nobody" : c[0] == c[1] ? "everybody" : null;
            testStats.add(
                    new TestStat(t.name(), t.points(), t.visibility(), c[0], c[1], Math.round(1000.0 * c[0] / c[1]) / 1000.0, flag, null));
        });
        var failures = groups.values().stream().sorted((a, b) -> Integer.compare(b.count(), a.count())).toList();
        return new Lab(lab, max, graded.size(), notGraded, distribution, testStats, failures);
    }

    private static List<String> addOnce(List<String> list, String item) {
        if (list.contains(item)) return list;
        var more = new ArrayList<>(list);
        more.add(item);
        return List.copyOf(more);
    }
}
