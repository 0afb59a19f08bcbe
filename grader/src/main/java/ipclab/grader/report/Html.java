package ipclab.grader.report;

import ipclab.grader.score.LabStatus;

/** {@code index.html}: the class table in a page, each student linking to their feedback. */
final class Html {
    private Html() {
    }

    static String render(ClassResult result, java.util.Map<String, StudentFiles> files) {
        var out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>ipc-labs grades</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.3em .7em;text-align:right}td:first-child,th:first-child{text-align:left}
                .full{background:#dfd}.zero{background:#fdd}.not{color:#888}</style></head><body>
                <h1>ipc-labs grades</h1>
                """);
        out.append("<p>Graded ").append(esc(result.when().toString())).append(" &middot; sandbox: ").append(esc(result.sandbox())).append("</p>\n");
        out.append("<table><tr><th>student</th>");
        result.labs().forEach((lab, max) -> out.append("<th>").append(esc(lab)).append("<br>(").append(max).append(")</th>"));
        out.append("<th>total</th></tr>\n");
        for (var s : result.students()) {
            out.append("<tr><td><a href=\"").append(esc(files.get(s.student()).feedback())).append("\">").append(esc(s.student())).append("</a></td>");
            for (String lab : result.labs().keySet()) {
                var g = s.lab(lab).orElse(null);
                String css = g == null || g.status() != LabStatus.GRADED ? "not" : g.points() == g.maxPoints() ? "full" : g.points() == 0 ? "zero" : "";
                out.append("<td class=\"").append(css).append("\">").append(g == null ? "?" : esc(Cells.cell(g))).append("</td>");
            }
            out.append("<td>").append(s.points()).append(" / ").append(s.maxPoints()).append("</td></tr>\n");
        }
        return out.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
