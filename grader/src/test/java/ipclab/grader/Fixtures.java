package ipclab.grader;

import java.nio.file.Path;
import java.time.Duration;

import ipclab.grader.cache.ResultCache;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.sandbox.Sandbox;
import ipclab.grader.submission.Kit;

/** The grader's test fixtures: the tiny kit, the hostile corpus, and graders to grade them with. */
public final class Fixtures {
    private static final Path TEST_ROOT = Path.of(System.getProperty("ipclab.kit", "..")).resolve("grader/src/test").toAbsolutePath()
            .normalize();

    private Fixtures() {
    }

    /** The kit of one lab, lab0-echo, that grades in seconds (src/test/fixture-kit). */
    public static Kit fixtureKit() {
        return new Kit(TEST_ROOT.resolve("fixture-kit"));
    }

    public static Kit realKit() {
        return new Kit(Path.of(System.getProperty("ipclab.kit", "..")));
    }

    /** The hostile submissions, as overlays of lab0-echo (src/test/fixtures/hostile). */
    public static Path hostileCorpus() {
        return TEST_ROOT.resolve("fixtures/hostile");
    }

    /** Limits for the fixture lab: its tests take a second or two; anything past 20 s is a hang. */
    public static Limits fixtureLimits() {
        return Limits.defaults().withPerTest(Duration.ofSeconds(20)).withPerRun(Duration.ofSeconds(120)).withMaxProcesses(30);
    }

    public static Grader grader(Kit kit, Limits limits, Path work, Path cache) {
        var settings = new Grader.Settings(limits, 2, Grader.Settings.defaultTestThreads(), 1.0, Duration.ofSeconds(120), work,
                new ResultCache(cache));
        return new Grader(kit, settings, Sandbox.detect(limits, System.err::println));
    }
}
