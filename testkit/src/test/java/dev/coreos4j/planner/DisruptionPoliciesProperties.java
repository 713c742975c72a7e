package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.FleetArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** §4.4.18-19: disruption minimality and the action-function laws. */
class DisruptionPoliciesProperties {

    static final DisruptionPolicies MCO = DisruptionPolicies.defaults();
    static final List<String> PATHS = List.of(
            "/etc/containers/policy.json",
            "/etc/containers/registries.d/a.conf",
            "/etc/kubernetes/credential-providers/ecr.yaml",
            "/var/lib/kubelet/config.json",
            "/etc/motd",
            "/etc/nmstate/openshift/br-ex.yml",
            "/etc/containers/registries.conf",
            "/etc/pki/ca-trust/source/anchors/openshift-config-user-ca-bundle.crt",
            "/etc/crio/policies/p.json");

    @Provide
    Arbitrary<Map<String, String>> fileSets() {
        return Arbitraries.maps(Arbitraries.of(PATHS), Arbitraries.of("h1", "h2"))
                .ofMaxSize(PATHS.size());
    }

    @Provide
    Arbitrary<List<DisruptionAction>> actionLists() {
        return Arbitraries.of(
                        DisruptionAction.REBOOT,
                        DisruptionAction.NONE,
                        DisruptionAction.DRAIN,
                        DisruptionAction.DAEMON_RELOAD,
                        DisruptionAction.SPECIAL,
                        DisruptionAction.reload("crio.service"),
                        DisruptionAction.restart("kubelet.service"))
                .list()
                .ofMaxSize(8);
    }

    static RenderedConfig files(Map<String, String> files) {
        RenderedConfig c = RenderedConfig.empty();
        for (Map.Entry<String, String> e : files.entrySet()) {
            c = c.withFile(e.getKey(), e.getValue());
        }
        return c;
    }

    static Disruption diff(Map<String, String> a, Map<String, String> b) {
        return ((ChangeAnalysis.Reconcilable) MCO.analyze(files(a), files(b))).disruption();
    }

    @Property(tries = 300)
    void collapse_rebootAbsorbsNoneDropsAllNoneIsNone(@ForAll("actionLists") List<DisruptionAction> actions) {
        Disruption d = DisruptionPolicies.collapse(actions);
        if (actions.contains(DisruptionAction.REBOOT)) {
            assertThat(d).isEqualTo(Disruption.REBOOT);
        } else if (actions.stream().allMatch(a -> a.type() == DisruptionAction.Type.NONE)) {
            assertThat(d).isEqualTo(Disruption.NONE);
        } else {
            assertThat(d.actions()).doesNotContain(DisruptionAction.NONE, DisruptionAction.REBOOT);
            assertThat(d.actions()).doesNotHaveDuplicates();
        }
        Statistics.label("level").collect(d.level());
    }

    @Property(tries = 300)
    void analyze_levelIsMonotoneInTheChangedFiles(
            @ForAll("fileSets") Map<String, String> a,
            @ForAll("fileSets") Map<String, String> b,
            @ForAll("fileSets") Map<String, String> extra) {
        Map<String, String> more = new TreeMap<>(b);
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (!b.containsKey(e.getKey()) && !a.containsKey(e.getKey())) {
                more.put(e.getKey(), e.getValue());
            }
        }
        assertThat(diff(a, more).level()).isGreaterThanOrEqualTo(diff(a, b).level());
        Statistics.label("level").collect(diff(a, b).level());
    }

    @Property(tries = 200)
    void analyze_doesNotDependOnInsertionOrder(
            @ForAll("fileSets") Map<String, String> a,
            @ForAll("fileSets") Map<String, String> b,
            @ForAll Random random) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(b.entrySet());
        Collections.shuffle(entries, random);
        RenderedConfig shuffled = RenderedConfig.empty();
        for (Map.Entry<String, String> e : entries) {
            shuffled = shuffled.withFile(e.getKey(), e.getValue());
        }
        assertThat(MCO.analyze(files(a), shuffled)).isEqualTo(MCO.analyze(files(a), files(b)));
    }

    /** §4.4.18 minimality: the planned steps follow exactly from the disruption class. */
    @Property(tries = 200)
    void plan_stepsAreMinimalForTheDisruption(
            @ForAll("fileSets") Map<String, String> a, @ForAll("fileSets") Map<String, String> b) {
        Target from = Target.of("rendered-worker-a");
        Target to = Target.of("rendered-worker-b");
        Snapshot s = Snapshot.of(
                        FleetArbitraries.NOW,
                        List.of(Pool.of("worker", MaxUnavailable.DEFAULT, to)),
                        List.of(Node.of("w1", "worker", null, FleetArbitraries.NOW, from.config())))
                .withConfigs(Map.of(from.config(), files(a), to.config(), files(b)));
        Disruption d = diff(a, b);
        List<String> steps = Planner.plan(s).waves().get(0).nodes().get(0).steps();
        if (d.needsReboot()) {
            assertThat(steps).containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Reboot", "Uncordon");
        } else if (d.needsDrain()) {
            assertThat(steps).containsExactly("SetDesired", "Cordon", "Drain", "Apply", "Uncordon");
        } else {
            assertThat(steps).containsExactly("SetDesired", "Apply");
        }
        Statistics.label("steps").collect(steps.size());
    }
}
