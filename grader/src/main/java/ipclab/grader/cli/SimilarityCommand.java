package ipclab.grader.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import de.jplag.options.JPlagOptions;
import ipclab.grader.build.Workspace;
import ipclab.grader.report.Reports;
import ipclab.grader.similarity.Similarity;
import ipclab.grader.similarity.SimilarityReport;
import ipclab.grader.submission.Kit;
import ipclab.grader.submission.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grade similarity <submissions>}: JPlag over each lab, the starter as base code; writes
 * {@code similarity.csv}, {@code similarity-left-out.csv} and JPlag's result files
 * ({@code similarity/<lab>.jplag}) into {@code --out}, and adds the pairs to the HTML report when
 * the folder holds a grading.
 *
 * <pre>
 *   $ ./grade similarity submissions/ --out grading-out --threshold 0.5
 * </pre>
 */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = "Find similar submissions per lab with JPlag (the starter as base code).")
final class SimilarityCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SUBMISSIONS", description = "The folder of submissions (student folders and/or .zip files).")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("grading-out");

    @Option(names = "--labs", split = ",", paramLabel = "LAB", description = "Only these labs (default: all).")
    List<String> labs = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "0..1",
            description = "List pairs at or above this JPlag similarity (default: JPlag's, ${DEFAULT-VALUE}).")
    double threshold = JPlagOptions.DEFAULT_SIMILARITY_THRESHOLD;

    @Override
    public Integer call() throws Exception {
        var kit = Kit.locate();
        Path scratch = out.resolve(".similarity");
        Workspace.deleteTree(scratch);
        try {
            var subs = Submissions.read(submissions, scratch.resolve("unpacked"));
            var results = new ArrayList<Similarity.LabResult>();
            for (var lab : kit.labs(labs)) {
                var r = Similarity.lab(lab, subs, threshold, scratch.resolve(lab.name()),
                        out.resolve("similarity").resolve(lab.name() + ".jplag"));
                results.add(r);
                System.out.printf("%s: %d compared, %d pair(s) at or above %.2f%n", lab.name(), r.compared(), r.pairs().size(), threshold);
                for (var p : r.pairs())
                    System.out.printf(Locale.ROOT, "  %3.0f %%  %s ~ %s%n", p.similarity() * 100, p.first(), p.second());
                for (var l : r.leftOut()) System.out.println("  left out: " + l.student() + " (" + l.reason() + ")");
            }
            SimilarityReport.write(out, results);
            boolean html = Reports.rewriteIndex(out);
            System.out.println("similarity report in " + out.toAbsolutePath().normalize() + " (" + SimilarityReport.PAIRS + ", "
                    + SimilarityReport.LEFT_OUT + ", similarity/*.jplag" + (html ? ", index.html" : "") + ")");
            return 0;
        } finally {
            Workspace.deleteTree(scratch);
        }
    }
}
