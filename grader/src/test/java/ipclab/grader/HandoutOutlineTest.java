package ipclab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every lab's handout has the same outline, so that a student who has done one lab finds their
 * way in the next, and a teaching assistant who writes a lab knows what to write: these
 * second-level sections, in this order. What a section holds is free (the parts are third-level
 * sections under "The parts").
 */
class HandoutOutlineTest {
    static final List<String> OUTLINE = List.of("What you will learn", "Before you start", "The parts", "Testing and points", "Hints",
            "Questions");

    @Test
    void everyHandoutHasTheSameOutline() throws IOException {
        var labs = Fixtures.realKit().labs();
        assertThat(labs).hasSizeGreaterThanOrEqualTo(5);
        for (var lab : labs) {
            var sections = Files.readAllLines(lab.dir().resolve("README.md")).stream()
                    .filter(line -> line.startsWith("## "))
                    .map(line -> line.substring(3).strip())
                    .toList();
            assertThat(sections).as("the second-level sections of %s/README.md", lab.name()).isEqualTo(OUTLINE);
        }
    }
}
