package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.DirectoryBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.ignition.builder.GroupBuilder;
import dev.coreos4j.ignition.builder.KernelArgumentsBuilder;
import dev.coreos4j.ignition.builder.LinkBuilder;
import dev.coreos4j.ignition.builder.UnitBuilder;
import dev.coreos4j.ignition.builder.UserBuilder;
import dev.coreos4j.planner.render.ConfigDerivation;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.Renderer;
import dev.coreos4j.planner.render.Rendering;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RenderedConfigTest {

    static final DisruptionPolicies MCO = DisruptionPolicies.defaults();
    static final String APP = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n";

    /** The base every example changes: a registries.conf, a kubelet unit, core's SSH key. */
    static ConfigBuilder base() {
        return ConfigBuilder.create()
                .file(FileBuilder.at("/etc/containers/registries.conf").contents("unqualified-search-registries=[]"))
                .file(FileBuilder.at("/etc/motd").contents("hello"))
                .unit(UnitBuilder.named("kubelet.service").contents("[Service]\nExecStart=/usr/bin/kubelet\n"))
                .user(UserBuilder.named("core").sshKey("ssh-ed25519 AAAA one"));
    }

    static MachineConfig mc(Config c) {
        return MachineConfig.of("00-worker", "worker", c);
    }

    static ChangeAnalysis change(Config current, Config target) {
        return change(mc(current), mc(target));
    }

    static ChangeAnalysis change(MachineConfig current, MachineConfig target) {
        Rendering a = Renderer.render("worker", List.of(current));
        Rendering b = Renderer.render("worker", List.of(target));
        return MCO.analyze(a.renderedConfig(), b.renderedConfig());
    }

    static Disruption disruption(ChangeAnalysis a) {
        assertThat(a).isInstanceOf(ChangeAnalysis.Reconcilable.class);
        return ((ChangeAnalysis.Reconcilable) a).disruption();
    }

    static void refused(ChangeAnalysis a, String path, String message) {
        assertThat(a).isInstanceOf(ChangeAnalysis.Irreconcilable.class);
        ChangeAnalysis.Irreconcilable i = (ChangeAnalysis.Irreconcilable) a;
        assertThat(i.path()).isEqualTo(path);
        assertThat(i.message()).contains(message);
    }

    // ------------------------------------------------------------------------------------ disruption end to end

    @Test
    void analyze_sameIgnitionIsNone() {
        assertThat(disruption(change(base().build(), base().build()))).isEqualTo(Disruption.NONE);
    }

    @Test
    void analyze_changedRegistriesConfIsSpecialAndDrainsButDoesNotReboot() {
        Config target = ConfigBuilder.create()
                .file(FileBuilder.at("/etc/containers/registries.conf")
                        .contents("unqualified-search-registries=[" + "\"quay.io\"]"))
                .file(FileBuilder.at("/etc/motd").contents("hello"))
                .unit(UnitBuilder.named("kubelet.service").contents("[Service]\nExecStart=/usr/bin/kubelet\n"))
                .user(UserBuilder.named("core").sshKey("ssh-ed25519 AAAA one"))
                .build();
        Disruption d = disruption(change(base().build(), target));
        assertThat(d.actions()).containsExactly(DisruptionAction.SPECIAL);
        assertThat(d.needsReboot()).isFalse();
    }

    @Test
    void analyze_newPolicyJsonReloadsCrio() {
        Config target = base().file(
                        FileBuilder.at("/etc/containers/policy.json").contents("{}"))
                .build();
        Disruption d = disruption(change(base().build(), target));
        assertThat(d.actions()).containsExactly(DisruptionAction.reload("crio.service"));
        assertThat(d.needsDrain()).isFalse();
    }

    @Test
    void analyze_fileModeOwnerOrOverwriteChangesCount() {
        Config mode = base().file(FileBuilder.at("/etc/containers/policy.json")
                        .contents("{}")
                        .mode("0600"))
                .build();
        Config mode2 = base().file(FileBuilder.at("/etc/containers/policy.json")
                        .contents("{}")
                        .mode("0644"))
                .build();
        assertThat(disruption(change(mode, mode2)).actions()).containsExactly(DisruptionAction.reload("crio.service"));
        Config owner = base().file(FileBuilder.at("/etc/containers/policy.json")
                        .contents("{}")
                        .mode("0600")
                        .user("root"))
                .build();
        assertThat(disruption(change(mode, owner)).actions()).containsExactly(DisruptionAction.reload("crio.service"));
    }

    @Test
    void analyze_changedFileWithoutPolicyReboots() {
        Config target = ConfigBuilder.create()
                .file(FileBuilder.at("/etc/containers/registries.conf").contents("unqualified-search-registries=[]"))
                .file(FileBuilder.at("/etc/motd").contents("bye"))
                .unit(UnitBuilder.named("kubelet.service").contents("[Service]\nExecStart=/usr/bin/kubelet\n"))
                .user(UserBuilder.named("core").sshKey("ssh-ed25519 AAAA one"))
                .build();
        assertThat(disruption(change(base().build(), target))).isEqualTo(Disruption.REBOOT);
    }

    @Test
    void analyze_unitChangesWithoutPolicyRebootAndWithPolicyRunIt() {
        Config enabled = base().unit(
                        UnitBuilder.named("app.service").contents(APP).enabled(true))
                .build();
        Config disabled = base().unit(
                        UnitBuilder.named("app.service").contents(APP).enabled(false))
                .build();
        assertThat(disruption(change(enabled, disabled))).isEqualTo(Disruption.REBOOT);
        DisruptionPolicies p = MCO.overriddenBy(new DisruptionPolicies(
                Map.of(),
                Map.of("app.service", List.of(DisruptionAction.restart("app.service"))),
                List.of(DisruptionAction.NONE)));
        RenderedConfig a = ConfigDerivation.of(
                Renderer.render("worker", List.of(mc(enabled))).machineConfig());
        RenderedConfig b = ConfigDerivation.of(
                Renderer.render("worker", List.of(mc(disabled))).machineConfig());
        assertThat(disruption(p.analyze(a, b)).actions()).containsExactly(DisruptionAction.restart("app.service"));
        Config dropin = base().unit(UnitBuilder.named("app.service")
                        .contents(APP)
                        .enabled(true)
                        .dropin("10-env.conf", "[Service]\nEnvironment=A=1\n"))
                .build();
        RenderedConfig c = ConfigDerivation.of(
                Renderer.render("worker", List.of(mc(dropin))).machineConfig());
        assertThat(disruption(p.analyze(a, c)).actions()).containsExactly(DisruptionAction.restart("app.service"));
    }

    @Test
    void analyze_coreSshKeyChangeIsNone() {
        Config keys = ConfigBuilder.create()
                .file(FileBuilder.at("/etc/containers/registries.conf").contents("unqualified-search-registries=[]"))
                .file(FileBuilder.at("/etc/motd").contents("hello"))
                .unit(UnitBuilder.named("kubelet.service").contents("[Service]\nExecStart=/usr/bin/kubelet\n"))
                .user(UserBuilder.named("core").sshKey("ssh-ed25519 AAAA one").sshKey("ssh-ed25519 BBBB two"))
                .build();
        assertThat(disruption(change(base().build(), keys))).isEqualTo(Disruption.NONE);
    }

    @Test
    void analyze_kernelFieldsReboot() {
        MachineConfig a = mc(base().build());
        assertThat(disruption(change(a, a.withKernelArguments(List.of("nosmt")))))
                .isEqualTo(Disruption.REBOOT);
        assertThat(disruption(change(a, a.withExtensions(List.of("usbguard"))))).isEqualTo(Disruption.REBOOT);
        assertThat(disruption(change(a, a.withKernelType("realtime")))).isEqualTo(Disruption.REBOOT);
        assertThat(disruption(change(a, a.withOsImageURL("quay.io/os@sha256:2"))))
                .isEqualTo(Disruption.REBOOT);
    }

    // --------------------------------------------------------------------------------------- irreconcilable

    @Test
    void analyze_refusesAFipsFlipBothWays() {
        MachineConfig a = mc(base().build());
        refused(change(a, a.withFips(true)), "fips", "FIPS");
        refused(change(a.withFips(true), a), "fips", "FIPS");
    }

    @Test
    void analyze_refusesNonCoreUsersWithTheirPath() {
        refused(
                change(base().build(), base().user(UserBuilder.named("bob")).build()),
                "$.passwd.users[1]",
                "core user");
    }

    @Test
    void analyze_refusesCoreFieldsOtherThanKeysAndPassword() {
        Config shell = ConfigBuilder.create()
                .file(FileBuilder.at("/etc/containers/registries.conf").contents("unqualified-search-registries=[]"))
                .file(FileBuilder.at("/etc/motd").contents("hello"))
                .unit(UnitBuilder.named("kubelet.service").contents("[Service]\nExecStart=/usr/bin/kubelet\n"))
                .user(new Config.PasswdUser(
                        null,
                        null,
                        null,
                        "core",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("ssh-ed25519 AAAA one"),
                        "/bin/zsh",
                        null,
                        null,
                        null))
                .build();
        refused(change(base().build(), shell), "$.passwd.users[0]", "core user");
    }

    @Test
    void analyze_refusesGroups() {
        refused(
                change(
                        base().build(),
                        base().group(GroupBuilder.named("wheel2")).build()),
                "$.passwd.groups[0]",
                "groups");
    }

    @Test
    void analyze_refusesStorageSectionsWithTheirPath() {
        refused(
                change(
                        base().build(),
                        base().directory(DirectoryBuilder.at("/var/lib/data")).build()),
                "$.storage.directories[0]",
                "directories");
        refused(
                change(
                        base().build(),
                        base().link(LinkBuilder.symlink("/etc/l", "/etc/motd")).build()),
                "$.storage.links[0]",
                "links");
        Config disk = with(
                base().build(),
                s -> new Config.Storage(
                        s.directories(),
                        List.of(new Config.Disk("/dev/sdb", List.of(), true)),
                        s.files(),
                        s.filesystems(),
                        s.links(),
                        s.luks(),
                        s.raid()));
        refused(change(base().build(), disk), "$.storage.disks[0]", "disks");
        Config fs = with(
                base().build(),
                s -> new Config.Storage(
                        s.directories(),
                        s.disks(),
                        s.files(),
                        List.of(new Config.Filesystem("/dev/sdb1", "xfs", null, null, null, "/var/data", null, null)),
                        s.links(),
                        s.luks(),
                        s.raid()));
        refused(change(base().build(), fs), "$.storage.filesystems[0]", "filesystems");
        Config raid = with(
                base().build(),
                s -> new Config.Storage(
                        s.directories(),
                        s.disks(),
                        s.files(),
                        s.filesystems(),
                        s.links(),
                        s.luks(),
                        List.of(new Config.Raid(List.of("/dev/sdb", "/dev/sdc"), "raid1", "md0", null, null))));
        refused(change(base().build(), raid), "$.storage.raid[0]", "raid");
    }

    @Test
    void analyze_refusesFilesUsingAppendEvenWhenTheyDidNotChange() {
        Config append = base().file(FileBuilder.at("/etc/hosts.extra").append("10.0.0.1 a\n"))
                .build();
        refused(change(base().build(), append), "$.storage.files[2].append", "append");
        Config appendAndMore = base().file(FileBuilder.at("/etc/hosts.extra").append("10.0.0.1 a\n"))
                .file(FileBuilder.at("/etc/containers/policy.json").contents("{}"))
                .build();
        refused(change(append, appendAndMore), "$.storage.files[2].append", "append");
        assertThat(disruption(change(append, append))).isEqualTo(Disruption.NONE);
    }

    @Test
    void analyze_refusesLuksVolumes() {
        Config luks = with(
                base().build(),
                s -> new Config.Storage(
                        s.directories(),
                        s.disks(),
                        s.files(),
                        s.filesystems(),
                        s.links(),
                        List.of(new Config.Luks(
                                null, null, "/dev/sdb", null, null, null, "data", null, null, null, null)),
                        s.raid()));
        refused(change(base().build(), luks), "$.storage.luks[0]", "LUKS");
    }

    @Test
    void analyze_reorderedStorageEntriesAreAChangeAsInMco() {
        Config two = base().directory(DirectoryBuilder.at("/var/a"))
                .directory(DirectoryBuilder.at("/var/b"))
                .build();
        Config swapped = base().directory(DirectoryBuilder.at("/var/b"))
                .directory(DirectoryBuilder.at("/var/a"))
                .build();
        refused(change(two, swapped), "$.storage.directories[0]", "directories");
        assertThat(disruption(change(two, two))).isEqualTo(Disruption.NONE);
    }

    @Test
    void analyze_refusesIgnitionKernelArguments() {
        Config kargs = base().kernelArguments(KernelArgumentsBuilder.create().shouldExist("nosmt"))
                .build();
        refused(change(base().build(), kargs), "$.kernelArguments", "kernelArguments");
    }

    @Test
    void from_mixesWithHandWrittenConfigs() {
        RenderedConfig derived = ConfigDerivation.from(base().build(), List.of(), List.of(), false, null, null);
        RenderedConfig hashes = RenderedConfig.empty().withFile("/etc/motd", "x");
        assertThat(derived.fixed()).isEmpty();
        assertThat(MCO.analyze(hashes, derived)).isInstanceOf(ChangeAnalysis.Reconcilable.class);
        assertThat(derived.users()).containsOnlyKeys("core");
        assertThat(derived.files()).containsOnlyKeys("/etc/containers/registries.conf", "/etc/motd");
        assertThat(derived.units()).containsOnlyKeys("kubelet.service");
        assertThat(derived.kernelType()).isEqualTo("default");
    }

    @Test
    void from_hashesAnAbsentCompressionLikeAnEmptyOne() {
        Config.File a = new Config.File(
                null, true, "/etc/x", null, null, new Config.Resource(null, null, "data:,x", null), null);
        Config.File b =
                new Config.File(null, true, "/etc/x", null, null, new Config.Resource("", null, "data:,x", null), null);
        assertThat(ConfigDerivation.from(
                        ConfigBuilder.create().file(a).buildUnchecked(), List.of(), List.of(), false, null, null))
                .isEqualTo(ConfigDerivation.from(
                        ConfigBuilder.create().file(b).buildUnchecked(), List.of(), List.of(), false, null, null));
    }

    @Test
    void nineFieldConstructorKeepsFipsFlipsAReboot() {
        RenderedConfig fips = new RenderedConfig(
                Map.of(), Map.of(), List.of(), List.of(), true, "default", null, Map.of(), Map.of(), Map.of(),
                Set.of());
        assertThat(fips.fixed()).isEmpty();
        assertThat(fips.refused()).isEmpty();
        assertThat(disruption(MCO.analyze(RenderedConfig.empty(), fips))).isEqualTo(Disruption.REBOOT);
    }

    static Config with(Config c, UnaryOperator<Config.Storage> storage) {
        return new Config(c.ignition(), c.kernelArguments(), c.passwd(), storage.apply(c.storage()), c.systemd());
    }
}
