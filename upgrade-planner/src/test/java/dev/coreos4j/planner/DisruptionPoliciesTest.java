package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisruptionPoliciesTest {

    static final DisruptionPolicies MCO = DisruptionPolicies.defaults();
    static final RenderedConfig BASE = RenderedConfig.empty();

    static Disruption of(RenderedConfig a, RenderedConfig b) {
        return ((ChangeAnalysis.Reconcilable) MCO.analyze(a, b)).disruption();
    }

    @Test
    void analyze_emptyDiffIsNone() {
        assertThat(of(BASE, BASE)).isEqualTo(Disruption.NONE);
        assertThat(of(BASE, BASE).level()).isZero();
    }

    @Test
    void analyze_osLevelChangesNeedAReboot() {
        assertThat(of(BASE, BASE.withKernelArguments(List.of("nosmt")))).isEqualTo(Disruption.REBOOT);
        RenderedConfig fips = new RenderedConfig(
                Map.of(), Map.of(), List.of(), List.of(), true, "default", null, Map.of(), Map.of(), Map.of(),
                Set.of());
        assertThat(of(BASE, fips)).isEqualTo(Disruption.REBOOT);
        RenderedConfig rt = new RenderedConfig(
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                false,
                "realtime",
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                Set.of());
        assertThat(of(BASE, rt)).isEqualTo(Disruption.REBOOT);
        RenderedConfig ext = new RenderedConfig(
                Map.of(),
                Map.of(),
                List.of(),
                List.of("usbguard"),
                false,
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                Set.of());
        assertThat(of(BASE, ext)).isEqualTo(Disruption.REBOOT);
    }

    @Test
    void analyze_fileWithoutPolicyNeedsAReboot() {
        assertThat(of(BASE, BASE.withFile("/etc/motd", "h"))).isEqualTo(Disruption.REBOOT);
    }

    @Test
    void analyze_usesTheLongestMatchingPathPrefix() {
        DisruptionPolicies p = MCO.overriddenBy(new DisruptionPolicies(
                Map.of(
                        "/etc/app",
                        List.of(DisruptionAction.restart("app.service")),
                        "/etc/app/conf.d",
                        List.of(DisruptionAction.NONE)),
                Map.of(),
                List.of(DisruptionAction.NONE)));
        Disruption d =
                ((ChangeAnalysis.Reconcilable) p.analyze(BASE, BASE.withFile("/etc/app/conf.d/x", "h"))).disruption();
        assertThat(d).isEqualTo(Disruption.NONE);
        d = ((ChangeAnalysis.Reconcilable) p.analyze(BASE, BASE.withFile("/etc/app/main.conf", "h"))).disruption();
        assertThat(d.actions()).containsExactly(DisruptionAction.restart("app.service"));
        // a sibling whose name merely starts with the policy path does not match
        d = ((ChangeAnalysis.Reconcilable) p.analyze(BASE, BASE.withFile("/etc/application", "h"))).disruption();
        assertThat(d).isEqualTo(Disruption.REBOOT);
    }

    @Test
    void analyze_noneIsDroppedBesideOtherActionsAndServiceActionsKeepOrder() {
        RenderedConfig b = BASE.withFile("/var/lib/kubelet/config.json", "h")
                .withFile("/etc/pki/ca-trust/source/anchors/openshift-config-user-ca-bundle.crt", "h")
                .withFile("/etc/containers/policy.json", "h");
        assertThat(of(BASE, b).actions())
                .containsExactly(
                        DisruptionAction.reload("crio.service"),
                        DisruptionAction.restart("coreos-update-ca-trust.service"),
                        DisruptionAction.restart("crio.service"));
        assertThat(of(BASE, b).needsDrain()).isFalse();
    }

    @Test
    void analyze_registriesConfIsSpecialAndDrains() {
        Disruption d = of(BASE, BASE.withFile("/etc/containers/registries.conf", "h"));
        assertThat(d.actions()).containsExactly(DisruptionAction.SPECIAL);
        assertThat(d.needsDrain()).isTrue();
        assertThat(d.needsReboot()).isFalse();
    }

    @Test
    void analyze_coreUserKeysUseTheSshPolicyOtherUsersAreIrreconcilable() {
        assertThat(of(BASE, BASE.withUser("core", "keys2"))).isEqualTo(Disruption.NONE);
        ChangeAnalysis a = MCO.analyze(BASE, BASE.withUser("bob", "h"));
        assertThat(a)
                .isEqualTo(new ChangeAnalysis.Irreconcilable(
                        "passwd.users.bob", "only the core user's SSH keys and password may change in place"));
    }

    @Test
    void analyze_storageChangesAreIrreconcilableNamingTheEntry() {
        for (String section : List.of("disks", "filesystems", "raid", "directories", "links")) {
            ChangeAnalysis a = MCO.analyze(BASE, BASE.withStorage(section, "/x", "h"));
            assertThat(a).isInstanceOf(ChangeAnalysis.Irreconcilable.class);
            assertThat(((ChangeAnalysis.Irreconcilable) a).path()).isEqualTo("storage." + section + "./x");
        }
    }

    @Test
    void policies_rejectRebootOrNoneBesideOtherActions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DisruptionPolicies(
                        Map.of("/etc/x", List.of(DisruptionAction.REBOOT, DisruptionAction.DRAIN)),
                        Map.of(),
                        List.of(DisruptionAction.NONE)))
                .withMessageContaining("Reboot must stand alone");
        assertThatIllegalArgumentException().isThrownBy(() -> DisruptionAction.reload(" "));
    }
}
