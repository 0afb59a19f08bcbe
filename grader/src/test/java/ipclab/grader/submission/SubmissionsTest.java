package ipclab.grader.submission;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a class's submissions safely: folders, zips, and what is never taken from them. */
class SubmissionsTest {
    static final String LAB = "lab0-echo";
    static final String PKG = "ipclab/echo";
    static final LabSpec SPEC = Fixturesless.spec();

    @TempDir
    Path temp;

    /** A lab spec without a kit on disk: only its name and package matter here. */
    static final class Fixturesless {
        static LabSpec spec() {
            return new LabSpec(LAB, "ipclab.echo", Path.of("/nonexistent/labs", LAB), Path.of("/nonexistent/solutions", LAB));
        }
    }

    private Path write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private void zip(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); var z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    @Test
    void foldersAndZipsAreStudentsNamedAfterThem() throws IOException {
        Path subs = temp.resolve("subs");
        write(subs, "ada/labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java", "class Adder {}");
        Files.createDirectories(subs);
        zip(subs.resolve("bob smith.zip"), Map.of("repo-main/labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java", "class Adder {}"));
        var all = Submissions.read(subs, temp.resolve("scratch"));
        assertThat(Submissions.names(all)).containsExactly("ada", "bob smith");
        for (var s : all) assertThat(s.sources(SPEC).orElseThrow().files()).containsOnlyKeys(PKG + "/Adder.java");
    }

    @Test
    void aZipCannotWriteOutsideItsFolderAndOnlyJavaFilesAreUnpacked() throws IOException {
        Path subs = Files.createDirectories(temp.resolve("subs"));
        zip(subs.resolve("eve.zip"), Map.of(
                "../../escaped.java", "x", "/abs/olute.java", "x",
                "labs/" + LAB + "/src/main/java/" + PKG + "/../../../../../../../evil.java", "x",
                "labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java", "class Adder {}", "notes.txt", "x", "bin/tool.sh", "x"));
        var eve = Submissions.read(subs, temp.resolve("scratch")).getFirst();
        try (var files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> temp.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("subs/eve.zip", "scratch/eve/labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java",
                            "scratch/eve/evil.java");
        }
        assertThat(eve.sources(SPEC).orElseThrow().files()).containsOnlyKeys(PKG + "/Adder.java");
    }

    @Test
    void onlyRegularJavaFilesOfTheLabsPackageAreGradedAndTheRestIsNamed() throws IOException {
        Path ada = temp.resolve("ada");
        Path java = ada.resolve("labs/" + LAB + "/src/main/java");
        write(java, PKG + "/Adder.java", "package ipclab.echo; class Adder {}");
        write(java, "org/assertj/core/api/Assertions.java", "package org.assertj.core.api; class Assertions {}");
        write(ada, "labs/" + LAB + "/src/test/java/" + PKG + "/EchoPublicTest.java", "edited");
        Path secret = write(temp, "secret/Secret.java", "the kit's solution");
        Files.createSymbolicLink(java.resolve(PKG + "/Secret.java"), secret);
        var sources = new Submission("ada", ada).sources(SPEC).orElseThrow();
        assertThat(sources.files()).containsOnlyKeys(PKG + "/Adder.java");
        assertThat(sources.ignored()).containsExactlyInAnyOrder("ipclab/echo/Secret.java (not a regular file)",
                "org/assertj/core/api/Assertions.java (outside package ipclab.echo)");
    }

    @Test
    void aLabFolderThatIsALinkIsNotFollowed() throws IOException {
        Path elsewhere = temp.resolve("elsewhere");
        write(elsewhere, "src/main/java/" + PKG + "/Adder.java", "class Adder {}");
        Path mallory = Files.createDirectories(temp.resolve("mallory/labs"));
        Files.createSymbolicLink(mallory.resolve(LAB), elsewhere);
        assertThat(new Submission("mallory", temp.resolve("mallory")).sources(SPEC)).isEmpty();
    }

    @Test
    void sameCodeIgnoresLineEndingsAndTrailingSpacesButNotCode() {
        var a = new SourceSet(Map.of("p/A.java", "class A {\n  int x;\n}\n".getBytes()), List.of());
        var crlf = new SourceSet(Map.of("p/A.java", "class A {  \r\n  int x;\r\n\r\n}".getBytes()), List.of());
        var other = new SourceSet(Map.of("p/A.java", "class A {\n  int y;\n}\n".getBytes()), List.of());
        assertThat(a.sameCode(crlf)).isTrue();
        assertThat(a.sameCode(other)).isFalse();
        assertThat(a.digest()).isNotEqualTo(crlf.digest());
    }

    @Test
    void anOverlayReplacesAndAddsFiles() {
        var base = new SourceSet(Map.of("p/A.java", "a".getBytes(), "p/B.java", "b".getBytes()), List.of());
        var over = new SourceSet(Map.of("p/B.java", "B".getBytes(), "p/C.java", "c".getBytes()), List.of());
        var merged = base.overlay(over);
        assertThat(merged.files()).containsOnlyKeys("p/A.java", "p/B.java", "p/C.java");
        assertThat(new String(merged.files().get("p/B.java"))).isEqualTo("B");
    }

    @Test
    void aStudentIsNamedExactlyAfterTheFolderOrZipAndASecondOfTheSameNameAfterItsFile() throws IOException {
        Path subs = temp.resolve("subs");
        write(subs, "Zoë O'Brien/labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java", "class Adder {}");
        write(subs, "ada/labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java", "class Adder {}");
        zip(subs.resolve("ada.zip"), Map.of("labs/" + LAB + "/src/main/java/" + PKG + "/Adder.java", "class Adder {}"));
        assertThat(Submissions.names(Submissions.read(subs, temp.resolve("scratch")))).containsExactly("Zoë O'Brien", "ada", "ada.zip");
    }

    @Test
    void fileNamesAreSafeUniqueAndStable() {
        String nfc = java.text.Normalizer.normalize("Zoé", java.text.Normalizer.Form.NFC);
        String nfd = java.text.Normalizer.normalize("Zoé", java.text.Normalizer.Form.NFD);
        assertThat(nfc).isNotEqualTo(nfd);
        var names = List.of("李明", "王芳", "Zoë", nfc, nfd, "Zoë O'Brien", "ada", "Ada", ".hidden", "a/b");
        var files = names.stream().map(StudentName::fileName).toList();
        assertThat(files).doesNotHaveDuplicates().allMatch(f -> f.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "safe");
        assertThat(files.stream().map(f -> f.toLowerCase(java.util.Locale.ROOT))).as("unique on a case-insensitive disk too")
                .doesNotHaveDuplicates();
        assertThat(StudentName.fileName("ada")).isEqualTo("ada");
        assertThat(StudentName.fileName("Zoë O'Brien")).startsWith("Zoe_O_Brien-").hasSize("Zoe_O_Brien-".length() + 10);
        assertThat(StudentName.fileName(nfc)).startsWith("Zoe-");
        assertThat(StudentName.fileName(nfd)).startsWith("Zoe-");
        assertThat(StudentName.fileName("李明")).matches("[0-9a-f]{10}");
        assertThat(StudentName.fileName("李明")).as("the same from run to run").isEqualTo("aa22710284");
        assertThat(StudentName.fileName("Zoë")).isEqualTo("Zoe-c6a1269858");
    }
}
