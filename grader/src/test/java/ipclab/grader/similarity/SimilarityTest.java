package ipclab.grader.similarity;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.Submissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPlag on a made-up class (src/test/resources/similarity, see its README): a near copy is
 * found, an independent solution is not, and the starter, an empty lab and code JPlag cannot
 * parse are left out with the reason, without a crash.
 */
@Timeout(300)
class SimilarityTest {
    static final Path ROOT = Path.of(System.getProperty("ipclab.kit", "..")).resolve("grader/src/test/resources/similarity")
            .toAbsolutePath().normalize();
    static final String PKG = "ipclab/stats";

    @TempDir
    Path temp;

    @Test
    void aNearCopyIsFoundAndAnIndependentSolutionIsNot() throws Exception {
        var lab = new LabSpec("lab9-stats", "ipclab.stats", ROOT.resolve("lab9-stats"), ROOT.resolve("none"));
        Path subs = temp.resolve("class");
        try (var files = Files.walk(ROOT.resolve("class"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = subs.resolve(ROOT.resolve("class").relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path dan = subs.resolve("dan/labs/lab9-stats/src/main/java/" + PKG);
        Files.createDirectories(dan);
        Files.copy(lab.starter().resolve(PKG).resolve("Stats.java"), dan.resolve("Stats.java"));
        Files.createDirectories(subs.resolve("eve/labs/lab9-stats/src/main/java"));
        Path gus = Files.createDirectories(subs.resolve("gus/labs/lab9-stats/src/main/java/" + PKG));
        Files.writeString(gus.resolve("Stats.java"),
                "package ipclab.stats;\n\npublic final class Stats {\n    double mean(List<Double> v {\n");

        Path resultFile = temp.resolve("out/similarity/lab9-stats.jplag");
        var result = Similarity.lab(lab, Submissions.read(subs, temp.resolve("unpacked")), 0.5, temp.resolve("scratch"), resultFile);

        assertThat(result.pairs()).as("pairs at or above 50 %%").singleElement().satisfies(p -> {
            assertThat(p.first()).isEqualTo("ada");
            assertThat(p.second()).isEqualTo("bob");
            assertThat(p.similarity()).isGreaterThan(0.8);
        });
        assertThat(result.leftOut()).extracting(l -> l.student() + ": " + l.reason().replaceAll("(?s)(not compared).*", "$1"))
                .containsExactlyInAnyOrder("dan: unchanged from the starter", "eve: no sources", "gus: not compared");
        assertThat(result.leftOut()).filteredOn(l -> l.student().equals("gus")).singleElement().as("the parser's reason")
                .satisfies(l -> assertThat(l.reason()).hasSizeGreaterThan("not compared: JPlag's parser failed: ".length()));
        assertThat(result.compared()).as("ada, bob, cyd, and fay's Java 25 compact source file").isEqualTo(4);
        assertThat(resultFile).isRegularFile();

        var all = Similarity.lab(lab, Submissions.read(subs, temp.resolve("unpacked2")), 0, temp.resolve("scratch2"),
                temp.resolve("all.jplag"));
        assertThat(all.pairs()).as("every pair at threshold 0").hasSize(6);
        assertThat(all.pairs().stream().filter(p -> !(p.first().equals("ada") && p.second().equals("bob"))))
                .allSatisfy(p -> assertThat(p.similarity()).as(p.toString()).isLessThan(0.5));

        SimilarityReport.write(temp.resolve("out"), java.util.List.of(result));
        assertThat(SimilarityReport.read(temp.resolve("out"))).isEqualTo(result.pairs().stream()
                .map(p -> new Similarity.Pair(p.lab(), p.first(), p.second(), Math.round(p.similarity() * 1000) / 1000.0,
                        Math.round(p.maxSimilarity() * 1000) / 1000.0))
                .toList());
    }
}
