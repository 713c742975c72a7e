package dev.coreos4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.Deployment;
import dev.coreos4j.ostree.deploy.DeploymentList;
import dev.coreos4j.ostree.deploy.Refusal;
import dev.coreos4j.ostree.deploy.Removal;
import dev.coreos4j.ostree.deploy.Transition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment simulator step by step, and the invariant checks catching broken transitions. */
class DeploymentSimulatorTest {

    private static DeploymentSimulator bootedTwo() {
        DeploymentSimulator s = new DeploymentSimulator(1);
        s.osInit("fedora");
        s.deploy("fedora", 0, DeployOptions.DEFAULTS);
        s.reboot(0);
        s.deploy("fedora", 1, DeployOptions.DEFAULTS);
        s.reboot(0);
        return s;
    }

    @Test
    void stepByStep_upgradeStageAndReboot() {
        DeploymentSimulator s = bootedTwo();
        assertThat(s.list().size()).isEqualTo(2);
        assertThat(s.list().bootedIndex()).isZero();
        assertThat(s.stage("fedora", 2, DeployOptions.DEFAULTS).isApplied()).isTrue();
        assertThat(s.list().staged()).isPresent();
        assertThat(s.rollback().refusal().reason()).isEqualTo(Refusal.STAGED_PENDING);
        assertThat(s.reboot(0).isApplied()).isTrue();
        assertThat(s.list().bootedDeployment().orElseThrow().commit())
                .isEqualTo(s.commits().get(2));
        assertThat(s.refused()).isEqualTo(1);
        assertThat(s.history()).last().asString().startsWith("reboot 0 -> applied");
    }

    @Test
    void powerLossDuringFinalize_bootsOldOrNewAndLosesTheStagedDeployment() {
        for (boolean landed : new boolean[] {false, true}) {
            DeploymentSimulator s = bootedTwo();
            DeploymentList before = s.list();
            s.stage("fedora", 2, DeployOptions.DEFAULTS);
            Transition t = s.powerLossDuringFinalize(landed, 0);
            assertThat(t.isApplied()).isTrue();
            assertThat(s.list().staged()).isEmpty();
            if (landed) {
                assertThat(s.list().get(0).orElseThrow().commit())
                        .isEqualTo(s.commits().get(2));
            } else {
                assertThat(s.list().deployments()).isEqualTo(before.deployments());
                assertThat(((Transition.Applied) t).removed())
                        .extracting(Removal::reason)
                        .containsExactly(Removal.Reason.STAGED_LOST);
            }
        }
    }

    @Test
    void sameSeed_sameRun() {
        DeploymentSimulator a = bootedTwo();
        DeploymentSimulator b = bootedTwo();
        for (int i = 0; i < 5; i++) {
            a.stage("fedora", i % 3, DeployOptions.DEFAULTS);
            b.stage("fedora", i % 3, DeployOptions.DEFAULTS);
            a.powerLossDuringFinalize(0);
            b.powerLossDuringFinalize(0);
        }
        assertThat(a.list()).isEqualTo(b.list());
        assertThat(a.history()).isEqualTo(b.history());
    }

    @Test
    void onDisk_matchesTheModelThroughAnUpgradeAndAPowerLoss(@TempDir Path tmp) throws IOException {
        DeploymentSimulator s = DeploymentSimulator.onDisk(3, tmp);
        s.osInit("os");
        s.deploy("os", 0, DeployOptions.DEFAULTS);
        s.reboot(0);
        s.stage("os", 1, DeployOptions.DEFAULTS);
        s.powerLoss(0);
        s.stage("os", 2, DeployOptions.DEFAULTS);
        s.reboot(0);
        assertThat(s.sysroot().orElseThrow().load()).isEqualTo(s.list());
        assertThat(s.list().bootedDeployment().orElseThrow().commit())
                .isEqualTo(s.commits().get(2));
    }

    @Test
    void checkTransition_catchesADroppedPinnedDeployment() {
        DeploymentSimulator s = bootedTwo();
        s.pin(1, true);
        DeploymentList l = s.list();
        Deployment pinned = l.deployments().get(1);
        DeploymentList without =
                new DeploymentList(l.stateroots(), List.of(l.deployments().get(0)), l.booted());
        Transition.Applied bad = new Transition.Applied(
                l, without, List.of(new Removal(pinned, Removal.Reason.NOT_RETAINED)), null, "gc");
        assertThatThrownBy(() -> DeploymentInvariants.checkTransition(DeploymentInvariants.Step.CLEANUP, bad))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("[pinned-kept] CLEANUP, fedora-")
                .hasMessageContaining("pinned deployment removed (NOT_RETAINED)");
    }

    @Test
    void checkTransition_catchesAChangedBootedDeploymentWithoutReboot() {
        DeploymentList l = bootedTwo().list();
        DeploymentList other = new DeploymentList(
                l.stateroots(), l.deployments(), l.deployments().get(1).key());
        Transition.Applied bad = new Transition.Applied(l, other, List.of(), null, "switch");
        assertThatThrownBy(() -> DeploymentInvariants.checkTransition(DeploymentInvariants.Step.ROLLBACK, bad))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("[booted-kept] ROLLBACK")
                .hasMessageContaining("without a reboot");
        DeploymentInvariants.checkTransition(DeploymentInvariants.Step.REBOOT, bad); // a reboot may do that
    }

    @Test
    void checkTransition_catchesPhantomsAndUnreportedRemovals() {
        DeploymentList l = bootedTwo().list();
        DeploymentList next = new DeploymentSimulator(9).list(); // empty
        Transition.Applied phantom = new Transition.Applied(DeploymentList.EMPTY, l, List.of(), null, "?");
        assertThatThrownBy(() -> DeploymentInvariants.checkTransition(DeploymentInvariants.Step.DEPLOY, phantom))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("[no-phantoms] DEPLOY, deployment 0");
        Transition.Applied lost = new Transition.Applied(l, next, List.of(), null, "?");
        assertThatThrownBy(() -> DeploymentInvariants.checkTransition(DeploymentInvariants.Step.CLEANUP, lost))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("[booted-kept]");
    }

    @Test
    void checkOldOrNew_rejectsAThirdList() {
        DeploymentList l = bootedTwo().list();
        DeploymentList reordered = l.setDefault(1).list();
        DeploymentList other =
                new DeploymentList(l.stateroots(), List.of(l.deployments().get(0)), l.booted());
        DeploymentInvariants.checkOldOrNew(l, reordered, reordered);
        assertThatThrownBy(() -> DeploymentInvariants.checkOldOrNew(l, reordered, other))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("[old-or-new]");
    }

    @Test
    void checkBooted_requiresABootedDeployment() {
        DeploymentSimulator s = new DeploymentSimulator(0);
        s.osInit("fedora");
        s.deploy("fedora", 0, DeployOptions.DEFAULTS);
        assertThatThrownBy(() -> DeploymentInvariants.checkBooted(s.list()))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageStartingWith("[one-booted]");
        DeploymentInvariants.checkRollbackInvolution(bootedTwo().list());
    }
}
