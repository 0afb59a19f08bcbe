package ipclab.grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ipclab.grader.build.LabBuild;
import ipclab.grader.build.Libraries;
import ipclab.grader.build.Workspace;
import ipclab.grader.cache.CacheKeys;
import ipclab.grader.run.Load;
import ipclab.grader.run.Reference;
import ipclab.grader.run.TestDiscovery;
import ipclab.grader.score.LabStatus;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;
import ipclab.testkit.Visibility;

/**
 * The {@link Grader}'s first step: makes a kit's lab a {@link PreparedLab}. It builds the lab's
 * starter with its tests (the solution if the starter does not build) to find the tests every
 * submission's run must report, then runs the reference solution once, as a student's, to time
 * them ({@link Reference}); both are cached, so a class graded again builds and runs neither.
 */
final class Catalog {
    private final Grader.Settings settings;
    private final Libraries libraries;
    private final CacheKeys keys;
    private final LabGrader grader;

    Catalog(Grader.Settings settings, Libraries libraries, CacheKeys keys, LabGrader grader) {
        this.settings = settings;
        this.libraries = libraries;
        this.keys = keys;
        this.grader = grader;
    }

    PreparedLab prepare(LabSpec lab) {
        var found = expectedTests(lab);
        if (!lab.hasSolution()) return found;
        var solution = found.graded(SourceSet.read(lab.solution(), lab.packagePath()));
        String referenceKey = keys.reference(found.kitDigest(), solution);
        var known = settings.cache().reference(referenceKey);
        if (known.isPresent()) return found.withReference(known.get(), Optional.empty());
        var run = grader.gradeAlways(found, "reference", solution);
        if (run.status() != LabStatus.GRADED) return found.withReference(Reference.NONE, Optional.of(run));
        var reference = Reference.of(run, Load.perCore());
        settings.cache().putReference(referenceKey, reference);
        return found.withReference(reference, Optional.of(run));
    }

    /** The lab with the tests its runs must report (no reference times yet). */
    PreparedLab expectedTests(LabSpec lab) {
        var starter = SourceSet.read(lab.starter(), lab.packagePath());
        var roots = LabBuild.testRoots(lab);
        var defaults = defaultVisibility(lab, roots);
        var candidates = new ArrayList<SourceSet>(List.of(starter));
        if (lab.hasSolution()) candidates.add(SourceSet.read(lab.solution(), lab.packagePath()));
        String kitDigest = CacheKeys.kitDigest(lab, starter, roots);
        String testsKey = keys.tests(kitDigest, candidates.getLast(), defaults);
        var known = settings.cache().tests(testsKey);
        if (known.isPresent()) return new PreparedLab(lab, starter, known.get(), kitDigest, Reference.NONE, Optional.empty());
        String problems = "";
        for (var sources : candidates) {
            try (var ws = Workspace.create(settings.workRoot(), "kit-" + lab.name())) {
                var build = LabBuild.build(lab, sources, ws, libraries, settings.compileLimit());
                if (!build.compiled() || !build.brokenTestClasses().isEmpty()) {
                    problems += build.errors() + String.join("", build.brokenTestClasses().values());
                    continue;
                }
                var tests = TestDiscovery.discover(List.of(ws.testClasses(), ws.mainClasses()), defaults);
                settings.cache().putTests(testsKey, tests);
                return new PreparedLab(lab, starter, tests, kitDigest, Reference.NONE, Optional.empty());
            }
        }
        throw new IllegalStateException("the kit's " + lab.name() + " does not build with its tests:\n" + problems);
    }

    /** Each test class's visibility when it says none: public tests visible, hidden tests hidden. */
    private static Map<String, Visibility.Level> defaultVisibility(LabSpec lab, List<Path> roots) {
        var defaults = new LinkedHashMap<String, Visibility.Level>();
        for (Path file : LabBuild.javaFiles(roots)) {
            boolean isPublic = file.startsWith(lab.publicTests());
            defaults.put(LabBuild.className(roots, file), isPublic ? Visibility.Level.VISIBLE : Visibility.Level.HIDDEN);
        }
        return defaults;
    }
}
