package ipclab.ipc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class ChildJvmTest {
    @Test
    void theChildRunsTheClassWithItsArgumentsAndPipes() throws Exception {
        try (var children = new Children()) {
            var child = children.start(Hello.class, "3", "two words");
            child.getOutputStream().write("from the parent".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().close();
            assertThat(Children.exitStatus(child)).isEqualTo(3);
            assertThat(Children.stdout(child)).isEqualTo("3 two words | from the parent\n");
            assertThat(Children.stderr(child)).isEmpty();  // no native-access warning either
        }
    }

    @Test
    void anAotCacheThatDoesNotFitIsSkippedWithoutAWord(@TempDir Path dir) throws Exception {
        Path notACache = Files.writeString(dir.resolve("kit.aot"), "not an AOT cache");
        System.setProperty(ChildJvm.AOT_CACHE, notACache.toString());
        try (var children = new Children()) {
            assertThat(ChildJvm.command("x.Main", List.of())).contains("-XX:AOTCache=" + notACache,
                    "-D" + ChildJvm.AOT_CACHE + "=" + notACache);
            var child = children.start(Hello.class, "0", "cached?");
            child.getOutputStream().close();
            assertThat(Children.exitStatus(child)).isZero();
            assertThat(Children.stdout(child)).isEqualTo("0 cached? | \n");
            assertThat(Children.stderr(child)).isEmpty();
        } finally {
            System.clearProperty(ChildJvm.AOT_CACHE);
        }
    }

    @Test
    void aMissingAotCacheIsNotPassedOn(@TempDir Path dir) {
        System.setProperty(ChildJvm.AOT_CACHE, dir.resolve("none.aot").toString());
        try {
            assertThat(ChildJvm.command("x.Main", List.of())).noneMatch(option -> option.contains("AOT"));
        } finally {
            System.clearProperty(ChildJvm.AOT_CACHE);
        }
    }

    @Test
    void aParentStartedWithSigintIgnoredGivesItsChildrenTheDefaultBack() throws Exception {
        // a shell without job control starts `cmd &` with SIGINT ignored, and the JVM keeps it so
        var command = ChildJvm.command(CommandPrinter.class.getName(), List.of());
        var java = command.subList(command.indexOf(Path.of(System.getProperty("java.home"), "bin", "java").toString()), command.size());
        String quoted = String.join(" ", java.stream().map(part -> "'" + part + "'").toList());
        var background = new ProcessBuilder("sh", "-c", quoted + " & wait").redirectErrorStream(true).start();
        String printed = new String(background.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(background.waitFor()).as(printed).isZero();
        assertThat(printed).startsWith("/usr/bin/env --default-signal=INT ");

        var foreground = new ProcessBuilder("sh", "-c", "exec /usr/bin/env --default-signal=INT " + quoted).redirectErrorStream(true)
                .start();
        String plain = new String(foreground.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(foreground.waitFor()).as(plain).isZero();
        assertThat(plain).startsWith(System.getProperty("java.home"));
    }

    @Test
    void theOptionsAreWhatJavaReadsFromTheArgumentFiles() throws Exception {
        // ./run, bench/run and the build pass the same files to java as @file: both must read them alike
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String name : List.of("jvm.args", "child-jvm.args")) command.add("@" + Path.of(ChildJvm.class.getResource(name).toURI()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InputArguments.class.getName()));
        var java = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String printed = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor()).as(printed).isZero();
            assertThat(printed.lines().filter(option -> !option.startsWith("-Djava.class.path=")))
                    .containsExactlyElementsOf(ChildJvm.JVM_OPTIONS);
        } finally {
            java.destroyForcibly();
        }
    }

    @Test
    void anArgumentFileWithQuotesIsRefusedNotReadOtherwiseThanJavaWould() {
        assertThatThrownBy(() -> ChildJvm.readArgumentFiles("quoted.args"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quoted.args").hasMessageContaining("\"two");
    }

    @Test
    void theChildIsAnotherProcessOfTheSameJdkAndClasspath() {
        var command = ChildJvm.command("x.Main", java.util.List.of("a"));
        assertThat(command).anyMatch(part -> part.startsWith(System.getProperty("java.home")) && part.endsWith("java"));
        assertThat(command).contains("--enable-native-access=ALL-UNNAMED", System.getProperty("java.class.path"));
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("x.Main", "a");
    }
}
