package it.fabric8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ostree.repo.FsckReport;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every coreos4j library, used next to fabric8's client (Jackson 2) in one user's class or module path. */
class EveryLibraryTest {

    private static final Path CORPUS = Path.of(System.getProperty("coreos4j.root"), "src", "test", "resources");

    @Test
    void runsOnThePathTheProfileChose() {
        boolean modular = System.getProperty("it.path").equals("modulepath");
        assertEquals(modular, Ignition.class.getModule().isNamed(), "coreos4j on the " + System.getProperty("it.path"));
        assertEquals(modular, EveryLibrary.class.getModule().isNamed());
        if (modular) {
            assertEquals("dev.coreos4j.ignition", Ignition.class.getModule().getName());
        }
    }

    @Test
    void fabric8_stillSerializesItsOwnObjects() {
        Node node = new NodeBuilder().withNewMetadata().withName("w1").endMetadata().build();
        String json = Serialization.asJson(node);
        assertTrue(json.contains("\"name\":\"w1\""), json);
        assertEquals("w1", Serialization.unmarshal(json, Node.class).getMetadata().getName());
    }

    @Test
    void ignition_parsesValidatesAndWrites() {
        String small = "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"/etc/motd\","
                + "\"contents\":{\"source\":\"data:,hello\"},\"mode\":420}]}}";
        Object[] r = EveryLibrary.ignition(small);
        ParseResult parsed = (ParseResult) r[0];
        assertTrue(parsed.isValid(), parsed.report().toString());
        assertTrue(((Report) r[1]).isValid());
        assertTrue(((String) r[2]).contains("\"version\":\"3.4.0\""), (String) r[2]);

        ParseResult bad = (ParseResult) EveryLibrary.ignition(
                "{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":\"etc/motd\"}]}}")[0];
        assertFalse(bad.isValid());
        assertTrue(bad.report().toString().contains("path not absolute"), bad.report().toString());
    }

    @Test
    void ostree_commitsToAnArchiveRepository(@TempDir Path tmp) throws Exception {
        Object[] r = EveryLibrary.ostree(tmp.resolve("repo"));
        assertEquals(r[0], r[1]);
        assertTrue(((FsckReport) r[2]).ok(), r[2].toString());
        assertTrue(Files.isRegularFile(tmp.resolve("repo/refs/heads/it/x86_64/stable")));
    }

    @Test
    void planner_readsASnapshotAndPlansIt() throws Exception {
        String snapshot = Files.readString(CORPUS.resolve("planner/cluster-3m12w.json"));
        assertEquals(Files.readString(CORPUS.resolve("planner/cluster-3m12w.plan.json")), EveryLibrary.plan(snapshot));
    }
}
