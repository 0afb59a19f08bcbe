package ipclab.grader.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.report.ReportsFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache gives back what it was given, and says once when an entry is unreadable. */
class ResultCacheTest {

    @Test
    void aGradeComesBackEqual(@TempDir Path dir) {
        var cache = new ResultCache(dir, w -> {
            throw new AssertionError(w);
        });
        var grade = ReportsFixture.lab1();
        cache.put(grade);
        assertThat(cache.get(grade.key())).contains(grade);
        cache.putTests("t", List.of(ReportsFixture.PUBLIC));
        assertThat(cache.tests("t")).contains(List.of(ReportsFixture.PUBLIC));
    }

    @Test
    void aCorruptEntryIsReportedOnceRemovedAndGradedAgain(@TempDir Path dir) throws Exception {
        var warnings = new ArrayList<String>();
        var cache = new ResultCache(dir, warnings::add);
        var grade = ReportsFixture.lab1();
        cache.put(grade);
        Path entry = dir.resolve(grade.key() + ".json");
        String text = Files.readString(entry);
        Files.writeString(entry, text.substring(0, text.length() / 2));

        assertThat(cache.get(grade.key())).isEmpty();
        assertThat(warnings).singleElement().asString().contains(entry.toString()).contains("unreadable");
        assertThat(entry).doesNotExist();
        assertThat(cache.get(grade.key())).isEmpty();
        assertThat(warnings).hasSize(1);

        Files.writeString(dir.resolve("tests-x.json"), "{\"not\": \"a list\"}");
        assertThat(cache.tests("x")).isEmpty();
        assertThat(warnings).hasSize(2);
    }
}
