package dev.coreos4j.planner.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.Contents;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.ignition.builder.UnitBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {

    static MachineConfig file(String name, String role, String path, String text) {
        return MachineConfig.of(
                name,
                role,
                ConfigBuilder.create().file(FileBuilder.at(path).contents(text)).build());
    }

    static MachineConfig empty(String name, String role) {
        return MachineConfig.of(name, role, Config.EMPTY);
    }

    static Config.File fileAt(Rendering r, String path) {
        return r.machineConfig().config().storage().files().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void render_noMachineConfigsIsATypedError() {
        assertThatThrownBy(() -> Renderer.render("worker", List.of()))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.code()).isEqualTo(RenderException.Code.NO_MACHINE_CONFIGS);
                    assertThat(e.getMessage()).isEqualTo("no MachineConfigs found for pool worker");
                });
    }

    @Test
    void render_duplicateNamesAreRejected() {
        assertThatThrownBy(() -> Renderer.render("worker", List.of(empty("00-a", "worker"), empty("00-a", null))))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.code()).isEqualTo(RenderException.Code.DUPLICATE_NAME);
                    assertThat(e.machineConfig()).isEqualTo("00-a");
                });
    }

    @Test
    void render_ordersWorkerRoleFirstThenTheRestByName() {
        Rendering r = Renderer.render(
                "infra",
                List.of(
                        empty("50-infra", "infra"),
                        empty("99-worker", "worker"),
                        empty("00-worker", "worker"),
                        empty("10-other", null)));
        assertThat(r.mergeOrder()).containsExactly("00-worker", "99-worker", "10-other", "50-infra");
    }

    @Test
    void render_customRoleOverridesWorkerWhateverTheNames() {
        Rendering r = Renderer.render(
                "infra",
                List.of(
                        file("00-infra", "infra", "/etc/motd", "infra"),
                        file("99-worker", "worker", "/etc/motd", "worker")));
        assertThat(fileAt(r, "/etc/motd").contents()).isEqualTo(Contents.inline("infra"));
    }

    @Test
    void render_lastWriterWinsPerPathAndUnit() {
        MachineConfig a = MachineConfig.of(
                "10-a",
                "worker",
                ConfigBuilder.create()
                        .file(FileBuilder.at("/etc/a").contents("a1"))
                        .file(FileBuilder.at("/etc/shared").contents("a"))
                        .unit(UnitBuilder.named("app.service").contents("[Service]\nExecStart=/bin/a\n"))
                        .build());
        MachineConfig b = MachineConfig.of(
                "20-b",
                "worker",
                ConfigBuilder.create()
                        .file(FileBuilder.at("/etc/shared").contents("b"))
                        .unit(UnitBuilder.named("app.service").contents("[Service]\nExecStart=/bin/b\n"))
                        .build());
        Config merged = Renderer.render("worker", List.of(b, a)).machineConfig().config();
        assertThat(merged.storage().files()).extracting(Config.File::path).containsExactly("/etc/a", "/etc/shared");
        assertThat(merged.storage().files().get(1).contents()).isEqualTo(Contents.inline("b"));
        assertThat(merged.systemd().units())
                .singleElement()
                .satisfies(u -> assertThat(u.contents()).contains("/bin/b"));
    }

    @Test
    void render_givesFilesWithoutOverwriteOverwriteTrueAndKeepsAnExplicitFalse() {
        MachineConfig a = MachineConfig.of(
                "10-a",
                "worker",
                ConfigBuilder.create()
                        .file(FileBuilder.at("/etc/a").contents("a"))
                        .file(FileBuilder.at("/etc/b").contents("b").overwrite(false))
                        .build());
        Rendering r = Renderer.render("worker", List.of(a));
        assertThat(fileAt(r, "/etc/a").overwrite()).isTrue();
        assertThat(fileAt(r, "/etc/b").overwrite()).isFalse();
    }

    @Test
    void render_childWithoutCompressionDoesNotInheritTheParentsGzip() {
        Config.File gz = new Config.File(
                null,
                null,
                "/etc/big",
                null,
                null,
                new Config.Resource("gzip", null, "data:;base64,H4sIAAAAAAAA/0tMTEpKBgBt1lEJBQAAAA==", null),
                null);
        Config.File plain = new Config.File(
                null, null, "/etc/big", null, null, new Config.Resource(null, null, "data:,plain", null), null);
        MachineConfig a = MachineConfig.of(
                "10-a", "worker", ConfigBuilder.create().file(gz).build());
        MachineConfig b = MachineConfig.of(
                "20-b", "worker", ConfigBuilder.create().file(plain).build());
        Config.Resource merged =
                fileAt(Renderer.render("worker", List.of(a, b)), "/etc/big").contents();
        assertThat(merged.source()).isEqualTo("data:,plain");
        assertThat(merged.compression()).isEmpty();
    }

    @Test
    void render_concatenatesKernelArgumentsAndExtensionsInMergeOrder() {
        MachineConfig a =
                empty("10-a", "worker").withKernelArguments(List.of("nosmt")).withExtensions(List.of("usbguard"));
        MachineConfig b = empty("05-b", "infra")
                .withKernelArguments(List.of("audit=1", "nosmt"))
                .withExtensions(List.of("sandboxed-containers"));
        MachineConfig rendered = Renderer.render("infra", List.of(b, a)).machineConfig();
        assertThat(rendered.kernelArguments()).containsExactly("nosmt", "audit=1", "nosmt");
        assertThat(rendered.extensions()).containsExactly("usbguard", "sandboxed-containers");
    }

    @Test
    void render_fipsIsTrueIfAnyMachineConfigSetsIt() {
        assertThat(Renderer.render("worker", List.of(empty("a", "worker"), empty("b", "worker")))
                        .machineConfig()
                        .fips())
                .isFalse();
        assertThat(Renderer.render("worker", List.of(empty("a", "worker").withFips(true), empty("b", "worker")))
                        .machineConfig()
                        .fips())
                .isTrue();
    }

    @Test
    void render_kernelTypeLastNonDefaultWins() {
        MachineConfig rt = empty("10-rt", "worker").withKernelType("realtime");
        MachineConfig k64 = empty("20-64k", "worker").withKernelType("64k-pages");
        MachineConfig def = empty("30-default", "worker").withKernelType("default");
        assertThat(Renderer.render("worker", List.of(rt, k64, def))
                        .machineConfig()
                        .kernelType())
                .isEqualTo("64k-pages");
        assertThat(Renderer.render("worker", List.of(def)).machineConfig().kernelType())
                .isEqualTo("default");
        assertThat(Renderer.render("worker", List.of(empty("a", "worker")))
                        .machineConfig()
                        .kernelType())
                .isEqualTo("default");
    }

    @Test
    void render_rejectsKernelDevelWithANonDefaultKernel() {
        MachineConfig rt = empty("10-rt", "worker").withKernelType("realtime");
        MachineConfig devel = empty("20-devel", "worker").withExtensions(List.of("kernel-devel"));
        assertThatThrownBy(() -> Renderer.render("worker", List.of(rt, devel)))
                .isInstanceOfSatisfying(
                        RenderException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderException.Code.KERNEL_DEVEL_WITH_NON_DEFAULT_KERNEL));
        assertThat(Renderer.render("worker", List.of(devel)).machineConfig().extensions())
                .containsExactly("kernel-devel");
    }

    @Test
    void render_osImageComesFromTheClusterUnlessANonGeneratedMachineConfigOverridesIt() {
        MachineConfig generated = new MachineConfig(
                "00-gen", Map.of(), Config.EMPTY, List.of(), List.of(), false, null, "quay.io/gen@sha256:1", true);
        Rendering r = Renderer.render("worker", List.of(generated), "quay.io/cluster@sha256:0");
        assertThat(r.machineConfig().osImageURL()).isEqualTo("quay.io/cluster@sha256:0");
        assertThat(r.osImageOverridden()).isFalse();
        MachineConfig o1 = empty("10-o1", null).withOsImageURL("quay.io/o1@sha256:1");
        MachineConfig o2 = empty("20-o2", null).withOsImageURL("quay.io/o2@sha256:2");
        r = Renderer.render("worker", List.of(o2, generated, o1), "quay.io/cluster@sha256:0");
        assertThat(r.machineConfig().osImageURL()).isEqualTo("quay.io/o2@sha256:2");
        assertThat(r.osImageOverridden()).isTrue();
    }

    @Test
    void render_rejectsAnOsImageOverrideWhenThePoolUsesAnImageStream() {
        MachineConfig o = empty("10-o", null).withOsImageURL("quay.io/o@sha256:1");
        assertThatThrownBy(
                        () -> Renderer.render("worker", List.of(o, empty("00-w", "worker")), "q@sha256:0", "rhel-10"))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.code()).isEqualTo(RenderException.Code.OS_IMAGE_OVERRIDE_WITH_STREAM);
                    assertThat(e.machineConfig()).isEqualTo("10-o");
                });
        assertThat(Renderer.render("worker", List.of(empty("00-w", "worker")), "q@sha256:0", "rhel-10")
                        .machineConfig()
                        .osImageURL())
                .isEqualTo("q@sha256:0");
    }

    @Test
    void render_reportsAnInvalidFragmentWithItsNameAndIgnitionPath() {
        Config bad = ConfigBuilder.create()
                .file(new Config.File(null, null, "relative", null, null, null, null))
                .buildUnchecked();
        assertThatThrownBy(() -> Renderer.render(
                        "worker", List.of(empty("00-ok", "worker"), MachineConfig.of("50-bad", "worker", bad))))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.code()).isEqualTo(RenderException.Code.INVALID_IGNITION);
                    assertThat(e.machineConfig()).isEqualTo("50-bad");
                    assertThat(e.path()).isEqualTo("$.storage.files.0.path");
                    assertThat(e.getMessage()).contains("50-bad").contains("path not absolute");
                });
    }

    @Test
    void render_nameIsContentAddressedAndHasMcosShape() {
        Rendering a = Renderer.render("worker", List.of(file("10-a", "worker", "/etc/a", "x")));
        Rendering same = Renderer.render("worker", List.of(file("99-other-name", null, "/etc/a", "x")));
        Rendering other = Renderer.render("worker", List.of(file("10-a", "worker", "/etc/a", "y")));
        assertThat(a.name()).matches("rendered-worker-[0-9a-f]{32}");
        assertThat(same.name()).isEqualTo(a.name());
        assertThat(other.name()).isNotEqualTo(a.name());
        assertThat(Renderer.render("infra", List.of(file("10-a", "worker", "/etc/a", "x")))
                        .name())
                .isEqualTo("rendered-infra-" + a.name().substring("rendered-worker-".length()));
    }

    @Test
    void render_reRenderingTheRenderedConfigKeepsTheName() {
        Rendering r = Renderer.render(
                "worker",
                List.of(
                        file("10-a", "worker", "/etc/a", "x"),
                        empty("20-k", "worker")
                                .withKernelArguments(List.of("nosmt"))
                                .withFips(true)));
        Rendering again = Renderer.render("worker", List.of(r.machineConfig()));
        assertThat(again.name()).isEqualTo(r.name());
        assertThat(again.machineConfig()).isEqualTo(r.machineConfig());
    }

    @Test
    void render_machineConfigWithoutIgnitionPartIsEmpty() {
        Rendering r =
                Renderer.render("worker", List.of(empty("00-kargs", "worker").withKernelArguments(List.of("nosmt"))));
        assertThat(r.machineConfig().config().ignition().version()).isEqualTo("3.6.0");
        assertThat(r.machineConfig().config().storage().files()).isEmpty();
    }

    @Test
    void sourcesOf_namesTheMachineConfigsThatDefineARefusedEntry() {
        Config disk = ConfigBuilder.create().buildUnchecked();
        disk = new Config(
                disk.ignition(),
                disk.kernelArguments(),
                disk.passwd(),
                new Config.Storage(
                        null, List.of(new Config.Disk("/dev/sdb", null, true)), null, null, null, null, null),
                disk.systemd());
        MachineConfig a = file("10-a", "worker", "/etc/hosts.extra", "x");
        MachineConfig b = MachineConfig.of("20-disk", "worker", disk).withFips(true);
        MachineConfig c = file("30-c", "worker", "/etc/hosts.extra", "y");
        Rendering r = Renderer.render("worker", List.of(c, b, a));
        assertThat(r.sourcesOf("$.storage.disks[0]")).containsExactly("20-disk");
        assertThat(r.sourcesOf("$.storage.files[0].append")).containsExactly("10-a", "30-c");
        assertThat(r.sourcesOf("fips")).containsExactly("20-disk");
        assertThat(r.sourcesOf("$.storage.disks[1]")).isEmpty();
        assertThat(r.sourcesOf("$.kernelArguments")).isEmpty();
        assertThat(r.sourcesOf("storage.disks./dev/sdb")).isEmpty();
        assertThat(r.mergeOrder()).containsExactly("10-a", "20-disk", "30-c");
    }

    @Test
    void machineConfig_rejectsAnUnknownKernelType() {
        assertThatThrownBy(() -> empty("a", null).withKernelType("rt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kernelType");
    }
}
