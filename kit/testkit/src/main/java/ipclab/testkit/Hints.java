package ipclab.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hints that teach, keyed to the failures they recognise: a lab's {@value #FILE} (in its test
 * resources), one hint a line, a signature and its text separated by a tab. The signature is a
 * regular expression looked for (case-insensitive) in the test's name and its whole failure
 * message; in the text, {@code {1}}, {@code {2}}… stand for the signature's groups. The first
 * hint whose signature is found wins. Blank lines and lines starting with {@code #} are
 * comments.
 *
 * <pre>
 * # signature                                   hint
 * left behind.*a message queue with key (\d+)   A queue was left behind … By hand: ipcrm -Q {1}
 * </pre>
 *
 * The self-check ({@link SelfCheck}) and the grader's feedback both ask {@link #hintFor}, so a
 * student sees the same hint for a public test in the terminal and for a hidden test in the
 * feedback (where the hint is all that is shown of the failure).
 */
public record Hints(List<Hint> hints) {
    public static final String FILE = "ipclab-hints.tsv";
    public static final Hints NONE = new Hints(List.of());

    /** One line of the file. */
    public record Hint(Pattern signature, String text) {
        Optional<String> match(String failure) {
            Matcher m = signature.matcher(failure);
            if (!m.find()) return Optional.empty();
            String result = text;
            for (int g = 1; g <= m.groupCount(); g++) result = result.replace("{" + g + "}", m.group(g) == null ? "" : m.group(g));
            return Optional.of(result);
        }
    }

    /** The hint for a failed test, if one recognises it. */
    public Optional<String> hintFor(String testName, String message) {
        String failure = (testName == null ? "" : testName) + "\n" + (message == null ? "" : message);
        for (var hint : hints) {
            var text = hint.match(failure);
            if (text.isPresent()) return text;
        }
        return Optional.empty();
    }

    /** A lab's hints from its folder (labs/&lt;lab&gt;), as the grader reads them; none if it has no file. */
    public static Hints ofLab(Path labDir) {
        Path file = labDir.resolve("src/test/resources").resolve(FILE);
        if (!Files.isRegularFile(file)) return NONE;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hints on the test classpath, as the self-check reads them; none if there are none. */
    static Hints onClasspath() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            return in == null ? NONE : read(new InputStreamReader(in, StandardCharsets.UTF_8), FILE);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Reads hints; a line without a tab or with a signature that is not a regular expression is an error that names it. */
    public static Hints read(Reader reader, String where) throws IOException {
        var hints = new ArrayList<Hint>();
        var lines = new BufferedReader(reader).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            if (tab <= 0 || line.substring(tab + 1).isBlank()) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": a hint is a signature, a tab, and the text");
            }
            try {
                hints.add(new Hint(Pattern.compile(line.substring(0, tab).strip(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
                        line.substring(tab + 1).strip()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        where + ":" + (i + 1) + ": the signature is not a regular expression: " + e.getDescription());
            }
        }
        return new Hints(List.copyOf(hints));
    }
}
