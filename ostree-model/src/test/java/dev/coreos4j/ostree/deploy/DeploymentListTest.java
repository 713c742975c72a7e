package dev.coreos4j.ostree.deploy;

import static dev.coreos4j.ostree.deploy.Fixtures.C1;
import static dev.coreos4j.ostree.deploy.Fixtures.C2;
import static dev.coreos4j.ostree.deploy.Fixtures.C3;
import static dev.coreos4j.ostree.deploy.Fixtures.applied;
import static dev.coreos4j.ostree.deploy.Fixtures.bootedTwo;
import static dev.coreos4j.ostree.deploy.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentListTest {

    private static List<String> names(DeploymentList l) {
        return l.deployments().stream()
                .map(d -> d.commit().hex().substring(0, 4) + "." + d.serial() + (d.staged() ? "s" : "")
                        + (d.pinned() ? "p" : ""))
                .toList();
    }

    private static String n(dev.coreos4j.ostree.Checksum c, int serial) {
        return c.hex().substring(0, 4) + "." + serial;
    }

    @Test
    void deploy_unbooted_keepsNewMergeAndPinned() {
        DeploymentList l = applied(DeploymentList.EMPTY.initStateroot("fedora"));
        l = applied(l.deploy(target("fedora", C1), DeployOptions.DEFAULTS));
        l = applied(l.deploy(target("fedora", C2), DeployOptions.DEFAULTS));
        assertThat(names(l)).containsExactly(n(C2, 0), n(C1, 0));
        Transition third = l.deploy(target("fedora", C3), DeployOptions.DEFAULTS);
        assertThat(names(third.list())).containsExactly(n(C3, 0), n(C2, 0));
        assertThat(((Transition.Applied) third).removed())
                .extracting(Removal::reason)
                .containsExactly(Removal.Reason.NOT_RETAINED);
    }

    @Test
    void deploy_sameCommitTwice_incrementsSerial() {
        DeploymentList l = applied(DeploymentList.EMPTY.initStateroot("fedora"));
        l = applied(l.deploy(target("fedora", C1), DeployOptions.DEFAULTS));
        l = applied(l.deploy(target("fedora", C1), DeployOptions.DEFAULTS));
        l = applied(l.deploy(target("fedora", C1), DeployOptions.DEFAULTS));
        assertThat(names(l)).containsExactly(n(C1, 2), n(C1, 1));
    }

    @Test
    void deploy_booted_dropsOldRollbackKeepsPinnedAndOtherStateroots() {
        DeploymentList l = bootedTwo();
        l = applied(l.initStateroot("rhcos"));
        l = applied(l.deploy(target("rhcos", C3), DeployOptions.DEFAULTS.withNotAsDefault(true)));
        assertThat(names(l)).containsExactly(n(C2, 0), n(C3, 0), n(C1, 0));
        l = applied(l.deploy(target("fedora", C3), DeployOptions.DEFAULTS));
        assertThat(names(l)).containsExactly(n(C3, 0), n(C2, 0), n(C3, 0));
        assertThat(l.deployments().get(2).stateroot()).isEqualTo("rhcos");
    }

    @Test
    void deploy_retainAndNotAsDefault() {
        DeploymentList l = bootedTwo();
        DeploymentList retained = applied(l.deploy(target("fedora", C3), DeployOptions.DEFAULTS.withRetain(true)));
        assertThat(names(retained)).containsExactly(n(C3, 0), n(C2, 0), n(C1, 0));
        DeploymentList rollbackKept =
                applied(l.deploy(target("fedora", C3), DeployOptions.DEFAULTS.withRetainRollback(true)));
        assertThat(names(rollbackKept)).containsExactly(n(C3, 0), n(C2, 0), n(C1, 0));
        DeploymentList notDefault =
                applied(l.deploy(target("fedora", C3), DeployOptions.DEFAULTS.withNotAsDefault(true)));
        assertThat(names(notDefault)).containsExactly(n(C2, 0), n(C3, 0));
    }

    @Test
    void deploy_inheritsKargsFromMergeAndEdits() {
        DeploymentList l = bootedTwo();
        DeploymentList next = applied(l.deploy(
                target("fedora", C3),
                DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.append("quiet"), KargEdit.set("root=UUID=1")))));
        assertThat(next.deployments().get(0).kernelArgs().args()).containsExactly("root=UUID=1", "quiet");
        DeploymentList none = applied(l.deploy(target("fedora", C3), DeployOptions.DEFAULTS.withKargsNone(true)));
        assertThat(none.deployments().get(0).kernelArgs()).isEqualTo(KernelArgs.NONE);
    }

    @Test
    void deploy_unknownStateroot_isRefused() {
        Transition t = bootedTwo().deploy(target("nope", C3), DeployOptions.DEFAULTS);
        assertThat(t.isApplied()).isFalse();
        assertThat(t.refusal().reason()).isEqualTo(Refusal.UNKNOWN_STATEROOT);
        assertThat(t.message()).contains("nope");
    }

    @Test
    void deploy_badKargEdit_isRefused() {
        Transition t = bootedTwo()
                .deploy(
                        target("fedora", C3),
                        DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.delete("missing"))));
        assertThat(t.refusal().reason()).isEqualTo(Refusal.INVALID_KARGS);
        assertThat(t.message()).isEqualTo("No karg 'missing' found");
    }

    @Test
    void stage_isFirstAndFinalizeWritesNewBootedPinned() {
        DeploymentList l = bootedTwo();
        l = applied(l.stage(target("fedora", C3), DeployOptions.DEFAULTS));
        assertThat(names(l)).containsExactly(n(C3, 0) + "s", n(C2, 0), n(C1, 0));
        assertThat(l.pending("fedora")).map(Deployment::staged).contains(true);
        assertThat(l.rollback("fedora")).map(Deployment::commit).contains(C1);
        DeploymentList f = applied(l.finalizeStaged());
        assertThat(names(f)).containsExactly(n(C3, 0), n(C2, 0));
    }

    @Test
    void stage_twiceSame_isRefusedAndOtherReplaces() {
        DeploymentList l = applied(bootedTwo().stage(target("fedora", C3), DeployOptions.DEFAULTS));
        Transition again = l.stage(target("fedora", C3), DeployOptions.DEFAULTS);
        assertThat(again.refusal().reason()).isEqualTo(Refusal.ALREADY_STAGED);
        Transition.Applied other = (Transition.Applied) l.stage(target("fedora", C1), DeployOptions.DEFAULTS);
        assertThat(names(other.after())).containsExactly(n(C1, 1) + "s", n(C2, 0), n(C1, 0));
        assertThat(other.removed()).extracting(Removal::reason).containsExactly(Removal.Reason.STAGED_REPLACED);
    }

    @Test
    void stage_notBooted_isRefused() {
        DeploymentList l = applied(DeploymentList.EMPTY.initStateroot("fedora"));
        assertThat(l.stage(target("fedora", C1), DeployOptions.DEFAULTS)
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.NOT_BOOTED);
    }

    @Test
    void finalize_withoutStaged_isRefused() {
        assertThat(bootedTwo().finalizeStaged().refusal().reason()).isEqualTo(Refusal.NOT_STAGED);
    }

    @Test
    void rollback_movesRollbackFirstAndTwiceRestores() {
        DeploymentList l = bootedTwo();
        DeploymentList once = applied(l.rollback());
        assertThat(names(once)).containsExactly(n(C1, 0), n(C2, 0));
        assertThat(once.bootedDeployment()).map(Deployment::commit).contains(C2);
        DeploymentList twice = applied(once.rollback());
        assertThat(twice).isEqualTo(l);
    }

    @Test
    void rollback_refusals() {
        DeploymentList single = applied(applied(applied(DeploymentList.EMPTY.initStateroot("fedora"))
                        .deploy(target("fedora", C1), DeployOptions.DEFAULTS))
                .boot(0));
        assertThat(single.rollback().refusal().reason()).isEqualTo(Refusal.NO_ROLLBACK);
        assertThat(single.rollback().message()).isEqualTo("No rollback deployment found");
        DeploymentList staged = applied(bootedTwo().stage(target("fedora", C3), DeployOptions.DEFAULTS));
        assertThat(staged.rollback().refusal().reason()).isEqualTo(Refusal.STAGED_PENDING);
        DeploymentList unbooted = applied(DeploymentList.EMPTY.initStateroot("fedora"));
        assertThat(unbooted.rollback().refusal().reason()).isEqualTo(Refusal.NOT_BOOTED);
    }

    @Test
    void undeploy_booted_isRefused_andOutOfRange() {
        DeploymentList l = bootedTwo();
        Transition t = l.undeploy(0);
        assertThat(t.refusal().reason()).isEqualTo(Refusal.REMOVES_BOOTED);
        assertThat(t.message()).isEqualTo("Cannot undeploy currently booted deployment 0");
        assertThat(l.undeploy(2).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
        assertThat(l.undeploy(-1).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
        assertThat(names(applied(l.undeploy(1)))).containsExactly(n(C2, 0));
    }

    @Test
    void pin_keepsDeploymentThroughDeploys_andStagedCannotBePinned() {
        DeploymentList l = applied(bootedTwo().pin(1, true));
        assertThat(l.pin(1, true).message()).isEqualTo("Deployment 1 is already pinned");
        DeploymentList next = applied(l.deploy(target("fedora", C3), DeployOptions.DEFAULTS));
        assertThat(names(next)).containsExactly(n(C3, 0), n(C2, 0), n(C1, 0) + "p");
        DeploymentList staged = applied(l.stage(target("fedora", C3), DeployOptions.DEFAULTS));
        assertThat(staged.pin(0, true).refusal().reason()).isEqualTo(Refusal.STAGED_PIN);
    }

    @Test
    void setDefault_movesToFrontAndDropsStagedNotFirst() {
        DeploymentList l = applied(bootedTwo().stage(target("fedora", C3), DeployOptions.DEFAULTS));
        Transition.Applied t = (Transition.Applied) l.setDefault(2);
        assertThat(names(t.after())).containsExactly(n(C1, 0), n(C2, 0));
        assertThat(t.removed()).extracting(Removal::reason).containsExactly(Removal.Reason.STAGED_NOT_FIRST);
        assertThat(l.setDefault(3).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
    }

    @Test
    void cleanup_pendingAndRollback() {
        DeploymentList l = applied(bootedTwo().stage(target("fedora", C3), DeployOptions.DEFAULTS));
        assertThat(names(applied(l.cleanup(true, false)))).containsExactly(n(C2, 0), n(C1, 0));
        assertThat(names(applied(l.cleanup(false, true)))).containsExactly(n(C3, 0) + "s", n(C2, 0));
        DeploymentList pinned = applied(l.pin(2, true));
        assertThat(names(applied(pinned.cleanup(true, true)))).containsExactly(n(C2, 0), n(C1, 0) + "p");
    }

    @Test
    void changeKargs_makesNewDeploymentOfSameCommit() {
        DeploymentList l = bootedTwo();
        DeploymentList next = applied(l.changeKargs(List.of(KargEdit.append("debug")), false));
        assertThat(names(next)).containsExactly(n(C2, 1), n(C2, 0));
        assertThat(next.deployments().get(0).kernelArgs().args()).containsExactly("root=LABEL=root", "debug");
        assertThat(l.changeKargs(List.of(KargEdit.delete("nope")), false)
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.INVALID_KARGS);
        assertThat(l.changeKargs(List.of(KargEdit.set("root=LABEL=root")), false)
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.KARGS_UNCHANGED);
        DeploymentList staged = applied(l.changeKargs(List.of(KargEdit.append("debug")), true));
        assertThat(staged.staged()).isPresent();
    }

    @Test
    void boot_finalizesStagedFirst_andPowerLossDropsIt() {
        DeploymentList l = applied(bootedTwo().stage(target("fedora", C3), DeployOptions.DEFAULTS));
        DeploymentList rebooted = applied(l.boot(0));
        assertThat(names(rebooted)).containsExactly(n(C3, 0), n(C2, 0));
        assertThat(rebooted.bootedDeployment()).map(Deployment::commit).contains(C3);
        DeploymentList lost = applied(l.bootAfterPowerLoss(0));
        assertThat(names(lost)).containsExactly(n(C2, 0), n(C1, 0));
        assertThat(l.boot(5).refusal().reason()).isEqualTo(Refusal.INDEX_OUT_OF_RANGE);
    }

    @Test
    void mergeDeployment_isBootedElseFirstOfStateroot() {
        DeploymentList l = bootedTwo();
        assertThat(l.mergeDeployment("fedora")).map(Deployment::commit).contains(C2);
        DeploymentList r = applied(l.rollback());
        assertThat(r.mergeDeployment("fedora")).map(Deployment::commit).contains(C2);
        assertThat(r.pending("fedora")).map(Deployment::commit).contains(C1);
        assertThat(r.rollback("fedora")).isEmpty();
    }

    @Test
    void constructor_rejectsBrokenInvariants() {
        Deployment a = applied(DeploymentList.EMPTY.initStateroot("fedora"))
                .deploy(target("fedora", C1), DeployOptions.DEFAULTS)
                .list()
                .deployments()
                .get(0);
        assertThatThrownBy(() -> new DeploymentList(java.util.Set.of("fedora"), List.of(a, a), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new DeploymentList(java.util.Set.of(), List.of(a), null))
                .hasMessageContaining("uninitialised stateroot");
        Deployment s = a.withStaged(true);
        Deployment b = new Deployment("fedora", C2, 0, a.bootcsum(), a.origin(), a.kernelArgs(), false, false);
        assertThatThrownBy(() -> new DeploymentList(java.util.Set.of("fedora"), List.of(b, s), null))
                .hasMessageContaining("must be first");
        assertThatThrownBy(() -> new DeploymentList(java.util.Set.of("fedora"), List.of(s), s.key()))
                .hasMessageContaining("cannot be staged");
    }

    @Test
    void transition_hasExactlyTwoKinds() {
        assertThat(Arrays.stream(Transition.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("Applied", "Refused");
        assertThatThrownBy(() -> new Transition.Refused(Refusal.NOT_STAGED, "x").list())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOT_STAGED");
    }

    @Test
    void editKargsInPlace_editsEveryEntryAndRefusesWhenOneFails() {
        DeploymentList l = applied(bootedTwo().stage(target("fedora", C3), DeployOptions.DEFAULTS));
        DeploymentList e = applied(l.editKargsInPlace(List.of(new KargEdit(KargEdit.Op.APPEND_IF_MISSING, "foo=bar"))));
        assertThat(e.deployments().get(1).kernelArgs().args()).containsExactly("root=LABEL=root", "foo=bar");
        assertThat(e.deployments().get(2).kernelArgs().args()).containsExactly("root=LABEL=root", "foo=bar");
        assertThat(e.deployments().get(0)).isEqualTo(l.deployments().get(0));
        assertThat(l.editKargsInPlace(List.of(KargEdit.delete("nope")))
                        .refusal()
                        .reason())
                .isEqualTo(Refusal.INVALID_KARGS);
    }
}
