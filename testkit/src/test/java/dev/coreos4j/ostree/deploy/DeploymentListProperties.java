package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.testkit.DeploymentInvariants;
import dev.coreos4j.testkit.DeploymentSimulator;
import dev.coreos4j.testkit.OstreeArbitraries;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link DeploymentList} as a state machine: random chains of every transition (including power loss during
 * writes) run through the testkit's {@link DeploymentSimulator}, which checks {@link DeploymentInvariants} after
 * every step (booted and pinned kept, no phantoms, removed gone, other stateroots kept, staged first, one booted,
 * old-or-new after a power loss).
 */
class DeploymentListProperties {

    @Property(tries = 300)
    void anyChain_keepsInvariants(@ForAll("chains") ActionChain<DeploymentSimulator> chain) {
        DeploymentSimulator end = chain.withInvariant("one booted once booted, staged first", s -> {
                    DeploymentInvariants.checkList(s.list());
                    if (s.everBooted()) {
                        DeploymentInvariants.checkBooted(s.list());
                    }
                })
                .run();
        Statistics.label("booted").collect(end.everBooted());
        Statistics.label("deployments").collect(end.list().size());
    }

    @Provide
    Arbitrary<ActionChain<DeploymentSimulator>> chains() {
        return DeploymentSimulator.actionChains(() -> new DeploymentSimulator(7), 40);
    }

    @Property(tries = 200)
    void rollbackTwice_restoresTwoDeploymentStateroot(@ForAll("lists") DeploymentList l) {
        DeploymentInvariants.checkRollbackInvolution(l);
    }

    @Property(tries = 200)
    void deployOnBootedHost_writesNewBootedPinnedAndOtherStateroots(@ForAll("lists") DeploymentList l) {
        if (l.booted() == null) {
            return;
        }
        String os = l.bootedDeployment().orElseThrow().stateroot();
        DeploymentList next = l.deploy(new DeploymentSimulator(0).target(os, 3), DeployOptions.DEFAULTS)
                .list();
        List<Deployment.Key> expected = new ArrayList<>();
        expected.add(next.deployments().get(0).key());
        for (Deployment d : l.deployments()) {
            boolean keep =
                    d.key().equals(l.booted()) || d.pinned() || !d.stateroot().equals(os);
            if (keep && !d.staged()) {
                expected.add(d.key());
            }
        }
        assertThat(next.deployments().stream().map(Deployment::key).toList()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<DeploymentList> lists() {
        return OstreeArbitraries.deploymentLists(40);
    }

    /** The generated lists reach booted systems with staged, pinned and multi-stateroot deployments. */
    @Property(tries = 400)
    void generatedLists_coverTheInterestingShapes(@ForAll("lists") DeploymentList l) {
        DeploymentInvariants.checkList(l);
        Statistics.label("shape").collect(l.booted() != null ? "booted" : "not booted");
        Statistics.label("staged").collect(l.staged().isPresent());
        Statistics.label("pinned").collect(l.deployments().stream().anyMatch(Deployment::pinned));
        Statistics.label("stateroots")
                .collect(l.deployments().stream()
                        .map(Deployment::stateroot)
                        .distinct()
                        .count());
        Statistics.label("shape").coverage(c -> c.check("booted").percentage(p -> p > 40));
        Statistics.label("staged").coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("pinned").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("stateroots").coverage(c -> c.check(2L).percentage(p -> p > 15));
    }
}
