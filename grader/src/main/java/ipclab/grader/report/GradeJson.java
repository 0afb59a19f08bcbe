package ipclab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.LabStatus;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Timings;
import ipclab.grader.score.Verdict;
import ipclab.testkit.Visibility;

/**
 * A {@link LabGrade} as JSON and back: the shape of {@code grades.json} (the instructor's file,
 * with every message) and of the grader's cache.
 */
public final class GradeJson {
    private GradeJson() {
    }

    public static Map<String, Object> toJson(LabGrade g) {
        var m = new LinkedHashMap<String, Object>();
        m.put("lab", g.lab());
        m.put("status", g.status().name());
        m.put("points", g.points());
        m.put("maxPoints", g.maxPoints());
        m.put("key", g.key());
        var tests = new ArrayList<Object>();
        for (var t : g.tests()) {
            var tm = toJson(t.test());
            tm.put("verdict", t.verdict().name());
            tm.put("earned", t.earned());
            tm.put("millis", t.millis());
            tm.put("message", t.message());
            if (t.runs() > 1) {
                tm.put("runs", t.runs());
                tm.put("passes", t.passes());
                tm.put("unstable", t.unstable());
            }
            tests.add(tm);
        }
        m.put("tests", tests);
        m.put("compilerErrors", g.compilerErrors());
        m.put("notes", g.notes());
        var timings = new LinkedHashMap<String, Object>();
        timings.put("compileMillis", g.timings().compile());
        timings.put("jvmStartMillis", g.timings().jvmStart());
        timings.put("testMillis", g.timings().tests());
        timings.put("totalMillis", g.timings().total());
        timings.put("jvms", g.timings().jvms());
        m.put("timings", timings);
        m.put("output", g.output());
        return m;
    }

    /** An expected test as JSON: name, class, method, uid, points, visibility. */
    public static Map<String, Object> toJson(ExpectedTest test) {
        var tm = new LinkedHashMap<String, Object>();
        tm.put("name", test.name());
        tm.put("class", test.className());
        tm.put("method", test.method());
        tm.put("uid", test.uid());
        tm.put("points", test.points());
        tm.put("visibility", test.visibility().name());
        return tm;
    }

    public static ExpectedTest testFromJson(Map<String, Object> t) {
        return new ExpectedTest((String) t.get("uid"), (String) t.get("class"), (String) t.get("method"),
                (String) t.get("name"), num(t.get("points")), Visibility.Level.valueOf((String) t.get("visibility")));
    }

    @SuppressWarnings("unchecked")
    public static LabGrade fromJson(Map<String, Object> m) {
        var tests = new ArrayList<TestOutcome>();
        for (Object o : (List<Object>) m.get("tests")) {
            var t = (Map<String, Object>) o;
            var verdict = Verdict.valueOf((String) t.get("verdict"));
            int runs = t.containsKey("runs") ? num(t.get("runs")) : 1;
            int passes = t.containsKey("passes") ? num(t.get("passes")) : verdict == Verdict.PASSED ? 1 : 0;
            tests.add(new TestOutcome(testFromJson(t), verdict, (String) t.get("message"), num(t.get("millis")), runs, passes));
        }
        var tm = (Map<String, Object>) m.get("timings");
        var timings = new Timings(num(tm.get("compileMillis")), num(tm.get("jvmStartMillis")), num(tm.get("testMillis")),
                num(tm.get("totalMillis")), num(tm.get("jvms")));
        var notes = ((List<Object>) m.get("notes")).stream().map(String::valueOf).toList();
        return LabGrade.of((String) m.get("lab"), LabStatus.valueOf((String) m.get("status")), tests,
                (String) m.get("compilerErrors"), (String) m.get("output"), notes, timings, (String) m.get("key"));
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
