package dev.coreos4j.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's controller example (from its heading to the generators subsection) is the code of this package, so the
 * example in the docs runs in CI.
 */
class ReadmeExampleTest {

    @Test
    void readme_javaBlocksOfTheControllerExample_areCodeOfTheExampleTests() throws IOException {
        String readme = Files.readString(ProjectRoot.path().resolve("README.md"));
        int from = readme.indexOf("### Example: a toy controller with a seeded bug");
        int to = readme.indexOf("### Ignition, OSTree and deployment generators", from);
        assertThat(from).as("the README's controller example").isNotNegative();
        assertThat(to).as("the heading after the controller example").isGreaterThan(from);
        String section = readme.substring(from, to);
        StringBuilder sources = new StringBuilder();
        Path dir = ProjectRoot.path().resolve("testkit/src/test/java/dev/coreos4j/testkit/example");
        for (String name : List.of(
                "NaiveRolloutController.java",
                "NaiveRolloutControllerProperties.java",
                "NaiveRolloutControllerTest.java")) {
            sources.append(normalise(Files.readString(dir.resolve(name)))).append('\n');
        }
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
        for (String block : blocks) {
            assertThat(sources.toString())
                    .as("README block is example code")
                    .contains(normalise(block).strip());
        }
    }

    /** Indentation aside (the README shows a method without its class's indent). */
    private static String normalise(String code) {
        StringBuilder b = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            b.append(line.strip()).append('\n');
        }
        return b.toString();
    }
}
