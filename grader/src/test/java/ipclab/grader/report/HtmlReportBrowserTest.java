package ipclab.grader.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ipclab.grader.FixtureClass;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report in a real browser (Debian's headless chromium): a class graded on the fixture
 * kit, one student named {@code <img src=x onerror=…>}. The index loads with no console error,
 * holds a row per student with their exact names as text, sorts by the total when its header is
 * clicked, and a student's page opens; screenshots go to {@code target/html-report/}. Without
 * chromium the test is skipped with one line (.ci/run installs it).
 */
@Timeout(300)
class HtmlReportBrowserTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path temp;

    private static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    @Test
    void theReportOpensInABrowserWithNoErrorsSortsAndEscapesEverything() throws Exception {
        var chromium = Chromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "no chromium on this machine: the HTML report's browser test is skipped (.ci/run installs it)");
        var students = new LinkedHashMap<String, String>();
        students.put("ada", "solution");
        students.put("bob", "starter");
        students.put("cy", "wrong/off-by-one");
        students.put(HOSTILE, "solution");
        students.put("李明", "wrong/off-by-one");
        var result = FixtureClass.grade(students, temp);
        Path out = temp.resolve("out");
        Reports.writeAll(out, result, false);
        Path artifacts = Files.createDirectories(Path.of("target/html-report"));

        try (var browser = Chromium.start(chromium.get(), temp.resolve("profile"))) {
            var index = browser.open(out.resolve("index.html"));
            assertThat(texts(index.eval("[...document.querySelectorAll('#class tbody tr')].map(r => r.cells[0].textContent)")))
                    .containsExactlyInAnyOrder("ada", "bob", "cy", HOSTILE, "李明");
            assertThat(index.eval("document.querySelectorAll('img').length").asInt()).as("the student's <img> is text").isZero();
            assertThat(index.eval("document.querySelectorAll('svg rect').length").asInt()).as("a histogram bar per score").isPositive();
            assertThat(index.eval("document.querySelector('.tests').textContent").asText()).contains("pass rate");

            index.eval("[...document.querySelectorAll('#class th')].find(th => th.textContent === 'total').click()");
            var totals = texts(
                    index.eval("[...document.querySelectorAll('#class tbody tr')].map(r => r.cells[r.cells.length - 1].dataset.sort)"));
            var sorted = new ArrayList<>(totals);
            sorted.sort((a, b) -> Integer.compare(Integer.parseInt(b), Integer.parseInt(a)));
            assertThat(totals).as("highest total first").isEqualTo(sorted).hasSize(5);
            assertThat(totals.getLast()).isEqualTo("0");
            Files.write(artifacts.resolve("index.png"), index.screenshot());

            String href = index
                    .eval("[...document.querySelectorAll('#class a')].find(a => a.textContent === '" + HOSTILE + "').getAttribute('href')")
                    .asText();
            var page = browser.open(out.resolve(href));
            assertThat(page.eval("document.querySelector('h1').textContent").asText()).isEqualTo(HOSTILE);
            assertThat(page.eval("document.querySelectorAll('img').length").asInt()).isZero();
            Files.write(artifacts.resolve("student.png"), page.screenshot());
            assertThat(browser.errors).as("console errors").isEmpty();
        }
    }
}
