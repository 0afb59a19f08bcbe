package ipclab.grader.report;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.Verdict;

/**
 * A student x lab as a JUnit XML test suite (the format CI dashboards read), with the same
 * visibility as the feedback: failure messages only where the student may see them.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static String render(String student, LabGrade lab, boolean released) {
        var visible = new Visible(released);
        var listed = lab.tests().stream().filter(visible::listed).toList();
        long failures = listed.stream().filter(t -> t.verdict() == Verdict.FAILED).count();
        long skipped = listed.stream().filter(t -> t.verdict() == Verdict.SKIPPED || t.verdict() == Verdict.NOT_RUN).count();
        double seconds = listed.stream().mapToLong(t -> t.millis()).sum() / 1000.0;
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuite name=\"").append(attr(student + "." + lab.lab())).append("\" tests=\"").append(listed.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds).append("\">\n");
        out.append("  <properties>\n    <property name=\"points\" value=\"").append(lab.points())
                .append("\"/>\n    <property name=\"maxPoints\" value=\"").append(lab.maxPoints())
                .append("\"/>\n    <property name=\"status\" value=\"").append(lab.status().words()).append("\"/>\n  </properties>\n");
        for (var t : listed) {
            out.append("  <testcase classname=\"").append(attr(t.test().className())).append("\" name=\"")
                    .append(attr(t.test().name())).append("\" time=\"").append(t.millis() / 1000.0).append("\"");
            String message = visible.showsMessage(t) ? t.message() : "a hidden test";
            switch (t.verdict()) {
                case PASSED -> out.append("/>\n");
                case FAILED -> out.append(">\n    <failure message=\"").append(attr(firstLine(message))).append("\">")
                        .append(text(message)).append("</failure>\n  </testcase>\n");
                case SKIPPED, NOT_RUN -> out.append(">\n    <skipped message=\"").append(attr(firstLine(t.message())))
                        .append("\"/>\n  </testcase>\n");
            }
        }
        if (!lab.compilerErrors().isEmpty()) {
            out.append("  <system-err>").append(text(lab.compilerErrors())).append("</system-err>\n");
        }
        return out.append("</testsuite>\n").toString();
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static String text(String s) {
        var out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
