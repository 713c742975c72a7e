package dev.coreos4j.planner.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.DisruptionAction;
import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Reason;
import dev.coreos4j.planner.Simulator;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.render.MachineConfig;
import org.junit.jupiter.api.Test;

/** The Ignition and MachineConfig forms of snapshot {@code configs} entries, and {@code readMachineConfig}. */
class PlannerJsonIgnitionTest {

    static final String REGISTRIES_A = "data:,unqualified-search-registries%3D%5B%5D";
    static final String REGISTRIES_B = "data:,unqualified-search-registries%3D%5B%22quay.io%22%5D";

    static String ignition(String registries, String extraFile) {
        return """
                {"ignition": {"version": "3.4.0"}, "storage": {"files": [
                  {"path": "/etc/containers/registries.conf", "contents": {"source": "%s"}}%s]}}
                """.formatted(registries, extraFile);
    }

    static String snapshot(String configs) {
        return """
                {"now": "2026-01-01T00:00:00Z",
                 "pools": [{"name": "worker", "target": {"config": "rendered-worker-b"}}],
                 "nodes": [{"name": "w1", "pool": "worker", "currentConfig": "rendered-worker-a"}],
                 "configs": %s}
                """.formatted(configs);
    }

    @Test
    void readSnapshot_ignitionConfigsGiveTheDisruptionOfTheirDiff() {
        Snapshot s = PlannerJson.readSnapshot(
                snapshot("""
                {"rendered-worker-a": {"ignition": %s, "kernelArguments": ["nosmt"], "fips": false,
                   "kernelType": "default", "extensions": [], "osImageURL": "quay.io/os@sha256:1"},
                 "rendered-worker-b": {"ignition": %s, "kernelArguments": ["nosmt"],
                   "osImageURL": "quay.io/os@sha256:1"}}
                """.formatted(ignition(REGISTRIES_A, ""), ignition(REGISTRIES_B, ""))));
        assertThat(s.configs().get("rendered-worker-a").kernelArguments()).containsExactly("nosmt");
        Plan plan = Planner.plan(s);
        assertThat(plan.waves().get(0).nodes().get(0).steps())
                .containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Uncordon");
    }

    @Test
    void readSnapshot_changedKernelArgumentsReboot() {
        Snapshot s = PlannerJson.readSnapshot(
                snapshot("""
                {"rendered-worker-a": {"ignition": %s},
                 "rendered-worker-b": {"ignition": %s, "kernelArguments": ["nosmt"]}}
                """.formatted(ignition(REGISTRIES_A, ""), ignition(REGISTRIES_A, ""))));
        assertThat(Planner.plan(s).waves().get(0).nodes().get(0).steps()).contains("Reboot");
    }

    @Test
    void readSnapshot_irreconcilableIgnitionChangeBlocksThePoolWithTheIgnitionPath() {
        Snapshot s = PlannerJson.readSnapshot(snapshot("""
                {"rendered-worker-a": {"ignition": {"ignition": {"version": "3.4.0"}}},
                 "rendered-worker-b": {"ignition": {"ignition": {"version": "3.4.0"},
                   "storage": {"disks": [{"device": "/dev/sdb", "wipeTable": true}]}}}}
                """));
        NextStep step = Planner.next(s);
        assertThat(step.actions()).isEmpty();
        assertThat(step.blocked()).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo(Reason.IRRECONCILABLE_TARGET);
            assertThat(b.detail()).contains("$.storage.disks[0]");
        });
    }

    @Test
    void readSnapshot_ignitionErrorsNameTheSnapshotPathAndTheIgnitionPath() {
        String bad = snapshot("""
                {"rendered-worker-a": {"ignition": {"ignition": {"version": "3.4.0"},
                   "storage": {"files": [{"path": "etc/relative"}]}}}}
                """);
        assertThatThrownBy(() -> PlannerJson.readSnapshot(bad))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> {
                    assertThat(e.path().toString())
                            .isEqualTo("$.configs['rendered-worker-a'].ignition.storage.files[0].path");
                    assertThat(e.getMessage()).endsWith("invalid Ignition config: path not absolute");
                });
        String noVersion = snapshot("{\"rendered-worker-a\": {\"ignition\": {}}}");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(noVersion))
                .isInstanceOfSatisfying(
                        InvalidSnapshotException.class,
                        e -> assertThat(e.path().toString()).isEqualTo("$.configs['rendered-worker-a'].ignition"));
        String mixed = snapshot("{\"rendered-worker-a\": {\"ignition\": {}, \"files\": {}}}");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(mixed))
                .isInstanceOfSatisfying(
                        InvalidSnapshotException.class,
                        e -> assertThat(e.path().toString()).isEqualTo("$.configs['rendered-worker-a'].files"));
        String kernel = snapshot("{\"rendered-worker-a\": {\"ignition\": {\"ignition\": {\"version\": \"3.4.0\"}},"
                + " \"kernelType\": \"rt\"}}");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(kernel))
                .isInstanceOfSatisfying(
                        InvalidSnapshotException.class,
                        e -> assertThat(e.path().toString()).isEqualTo("$.configs['rendered-worker-a'].kernelType"));
    }

    @Test
    void readSnapshot_machineConfigsAreRenderedPerEntry() {
        Snapshot s = PlannerJson.readSnapshot(
                snapshot("""
                {"rendered-worker-a": {"pool": "worker", "machineConfigs": [
                   {"name": "00-worker", "labels": {"machineconfiguration.openshift.io/role": "worker"},
                    "ignition": %s}]},
                 "rendered-worker-b": {"pool": "worker", "machineConfigs": [
                   {"name": "00-worker", "labels": {"machineconfiguration.openshift.io/role": "worker"},
                    "ignition": %s},
                   {"metadata": {"name": "99-worker-policy"},
                    "spec": {"config": {"ignition": {"version": "3.2.0"}, "storage": {"files": [
                      {"path": "/etc/containers/policy.json", "contents": {"source": "data:,%%7B%%7D"}}]}}}}]}}
                """.formatted(ignition(REGISTRIES_A, ""), ignition(REGISTRIES_A, ""))));
        NextStep step = Planner.next(Simulator.succeed(s, Planner.next(s).actions()));
        assertThat(step.actions().get(0))
                .isEqualTo(new Action.Apply("w1", java.util.List.of(DisruptionAction.reload("crio.service")), true));
    }

    @Test
    void readSnapshot_renderErrorsNameTheMachineConfig() {
        String none = snapshot("{\"rendered-worker-a\": {\"pool\": \"worker\", \"machineConfigs\": []}}");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(none))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> {
                    assertThat(e.path().toString()).isEqualTo("$.configs['rendered-worker-a'].machineConfigs");
                    assertThat(e.getMessage()).contains("no MachineConfigs found for pool worker");
                });
        String dup = snapshot("{\"rendered-worker-a\": {\"machineConfigs\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}}");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(dup))
                .isInstanceOfSatisfying(
                        InvalidSnapshotException.class,
                        e -> assertThat(e.path().toString())
                                .isEqualTo("$.configs['rendered-worker-a'].machineConfigs[1]"));
        String badSpec = snapshot("{\"rendered-worker-a\": {\"machineConfigs\": [{\"metadata\": {\"name\": \"x\"},"
                + " \"spec\": {\"config\": {\"ignition\": {\"version\": \"3.4.0\"}, \"systemd\": {\"units\":"
                + " [{\"name\": \"bad\"}]}}}}]}}");
        assertThatThrownBy(() -> PlannerJson.readSnapshot(badSpec))
                .isInstanceOfSatisfying(
                        InvalidSnapshotException.class,
                        e -> assertThat(e.path().toString())
                                .isEqualTo(
                                        "$.configs['rendered-worker-a'].machineConfigs[0].spec.config.systemd.units[0].name"));
    }

    @Test
    void readMachineConfig_readsBothShapes() {
        MachineConfig k8s = PlannerJson.readMachineConfig("""
                {"apiVersion": "machineconfiguration.openshift.io/v1", "kind": "MachineConfig",
                 "metadata": {"name": "00-worker", "labels": {"machineconfiguration.openshift.io/role": "worker"},
                   "annotations": {"machineconfiguration.openshift.io/generated-by-controller-version": "abc"}},
                 "spec": {"config": {"ignition": {"version": "3.2.0"}}, "kernelArguments": ["nosmt"],
                   "fips": true, "kernelType": "realtime", "extensions": ["usbguard"], "osImageURL": "q@sha256:1"}}
                """);
        assertThat(k8s.name()).isEqualTo("00-worker");
        assertThat(k8s.role()).isEqualTo("worker");
        assertThat(k8s.generated()).isTrue();
        assertThat(k8s.kernelArguments()).containsExactly("nosmt");
        assertThat(k8s.fips()).isTrue();
        assertThat(k8s.kernelType()).isEqualTo("realtime");
        assertThat(k8s.extensions()).containsExactly("usbguard");
        assertThat(k8s.osImageURL()).isEqualTo("q@sha256:1");
        assertThat(k8s.config().ignition().version()).isEqualTo("3.6.0");
        MachineConfig flat = PlannerJson.readMachineConfig("{\"name\": \"99-x\", \"fips\": false}");
        assertThat(flat.config()).isEqualTo(dev.coreos4j.ignition.Config.EMPTY);
        assertThat(flat.generated()).isFalse();
        assertThatThrownBy(() -> PlannerJson.readMachineConfig("{\"labels\": {}}"))
                .isInstanceOfSatisfying(
                        InvalidSnapshotException.class,
                        e -> assertThat(e.path().toString()).isEqualTo("$.name"));
        assertThatThrownBy(() -> PlannerJson.readMachineConfig("[1]")).isInstanceOf(InvalidSnapshotException.class);
    }

    @Test
    void readSnapshot_hashFormStillWorks() {
        Snapshot s = PlannerJson.readSnapshot(snapshot("""
                {"rendered-worker-a": {"files": {"/etc/containers/policy.json": "h1"}},
                 "rendered-worker-b": {"files": {"/etc/containers/policy.json": "h2"}}}
                """));
        assertThat(s.configs().get("rendered-worker-b").fixed()).isEmpty();
        assertThat(Planner.plan(s).waves().get(0).nodes().get(0).steps()).containsExactly("SetDesired", "Apply");
    }
}
