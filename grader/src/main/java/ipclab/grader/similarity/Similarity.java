package ipclab.grader.similarity;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.jplag.JPlag;
import de.jplag.JPlagResult;
import de.jplag.ParsingException;
import de.jplag.exceptions.ExitException;
import de.jplag.java.JavaLanguage;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import ipclab.grader.build.Workspace;
import ipclab.grader.submission.LabSpec;
import ipclab.grader.submission.SourceSet;
import ipclab.grader.submission.StudentName;
import ipclab.grader.submission.Submission;

/**
 * Who copied: JPlag (its Java API and Java front end) over one lab's sources of every student,
 * with the lab's starter as base code, so that code everyone was given never counts.
 * Submissions with no sources, or unchanged from the starter, are left out and listed; one
 * that JPlag's parser cannot read (Java syntax newer than it knows) is not compared, with the
 * parser's reason. The pairs at or above the threshold (JPlag's similarity, 0 to 1) come back
 * most similar first, and JPlag's own result file is written for its viewer.
 *
 * <pre>{@code
 * var lab = Similarity.lab(spec, submissions, 0.5, scratch, out.resolve("similarity/lab1.jplag"));
 * lab.pairs().forEach(p -> System.out.println(p.first() + " ~ " + p.second() + ": " + p.similarity()));
 * }</pre>
 */
public final class Similarity {
    private Similarity() {
    }

    /** Two students whose code is alike: JPlag's average and maximum similarity (0 to 1). */
    public record Pair(String lab, String first, String second, double similarity, double maxSimilarity) {
    }

    /** A student left out of the comparison, and why. */
    public record LeftOut(String lab, String student, String reason) {
    }

    /** One lab's outcome; {@code resultFile} is JPlag's report (null when fewer than two submissions were compared). */
    public record LabResult(String lab, int compared, List<Pair> pairs, List<LeftOut> leftOut, Path resultFile) {
    }

    public static LabResult lab(LabSpec lab, List<Submission> submissions, double threshold, Path scratch, Path resultFile) {
        var language = new JavaLanguage();
        var starter = SourceSet.read(lab.starter(), lab.packagePath());
        var leftOut = new ArrayList<LeftOut>();
        Path root = scratch.resolve("submissions");
        Path base = scratch.resolve("base");
        starter.writeTo(base);
        var names = writeComparable(language, lab, submissions, starter, root, leftOut);
        if (names.size() < 2) return new LabResult(lab.name(), names.size(), List.of(), leftOut, null);
        try {
            var options = new JPlagOptions(language, Set.of(root.toFile()), Set.of())
                    .withBaseCodeSubmissionDirectory(base.toFile())
                    .withSimilarityThreshold(0)
                    .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS);
            JPlagResult result = JPlag.run(options);
            for (var invalid : result.getSubmissions().getInvalidSubmissions()) {
                String student = names.remove(invalid.getName());
                if (student != null)
                    leftOut.add(new LeftOut(lab.name(), student,
                            "not compared: " + invalid.getState().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            }
            var pairs = result.getAllComparisons().stream()
                    .filter(c -> c.similarity() >= threshold)
                    .map(c -> ordered(lab.name(), names.get(c.firstSubmission().getName()), names.get(c.secondSubmission().getName()),
                            c.similarity(), c.maximalSimilarity()))
                    .sorted(Comparator.comparingDouble(Pair::similarity).reversed())
                    .toList();
            Files.createDirectories(resultFile.getParent());
            new ReportObjectFactory(resultFile.toFile()).createAndSaveReport(result);
            return new LabResult(lab.name(), names.size(), pairs, leftOut, resultFile);
        } catch (ExitException e) {
            throw new IllegalStateException("JPlag could not compare " + lab.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes each submission there is something to compare of under {@code root}, in a folder of
     * its own; returns folder to student. The others go to {@code leftOut}, with the reason.
     */
    private static Map<String, String> writeComparable(JavaLanguage language, LabSpec lab, List<Submission> submissions, SourceSet starter,
                                                       Path root, List<LeftOut> leftOut) {
        var names = new HashMap<String, String>();
        for (var s : submissions) {
            var sources = s.sources(lab).orElse(SourceSet.empty());
            if (sources.isEmpty()) {
                leftOut.add(new LeftOut(lab.name(), s.student(), "no sources"));
                continue;
            }
            if (sources.sameCode(starter)) {
                leftOut.add(new LeftOut(lab.name(), s.student(), "unchanged from the starter"));
                continue;
            }
            String dir = StudentName.fileName(s.student());
            Path student = root.resolve(dir);
            var files = sources.writeTo(student);
            String problem = parseProblem(language, files);
            if (problem != null) {
                leftOut.add(new LeftOut(lab.name(), s.student(), "not compared: JPlag's parser failed: " + problem));
                Workspace.deleteTree(student);
                continue;
            }
            names.put(dir, s.student());
        }
        return names;
    }

    private static Pair ordered(String lab, String a, String b, double similarity, double max) {
        return a.compareTo(b) <= 0 ? new Pair(lab, a, b, similarity, max) : new Pair(lab, b, a, similarity, max);
    }

    /** JPlag's parser's first complaint about these files, or null when it reads them. */
    private static String parseProblem(JavaLanguage language, List<Path> files) {
        try {
            var set = new HashSet<File>();
            files.forEach(f -> set.add(f.toFile()));
            language.parse(set, false);
            return null;
        } catch (ParsingException e) {
            return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        } catch (RuntimeException | LinkageError e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
