package dev.coreos4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerDemoTest {

    @Test
    void demo_plansPausesAndRollsBack(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        new PlannerDemo().run(dir, new PrintWriter(text, true));
        String out = text.toString();
        assertThat(out)
                .contains(
                        "The plan: 4 waves",
                        "wave 3: worker",
                        "paused mid-rollout",
                        "not moving (Paused)",
                        "not moving (Quorum)",
                        "Rollback: 3 waves",
                        "afterwards 2 of 2 pools report Updated",
                        "+ 99-worker-policy          = rendered-worker-",
                        ": [Reload crio.service], no drain",
                        ": [Reboot], drain and reboot");
        assertThat(Files.readString(dir.resolve("plan.json"))).contains("\"waves\"", "\"blocked\"");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("plan.json"));
        }
    }
}
