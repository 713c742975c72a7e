package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.RenderException;
import dev.coreos4j.planner.render.Renderer;
import dev.coreos4j.planner.render.Rendering;
import dev.coreos4j.testkit.MachineConfigArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/** Spec §4 invariant 24 (render laws) for {@link Renderer}. */
class RenderProperties {

    @Provide
    Arbitrary<List<MachineConfig>> pools() {
        return MachineConfigArbitraries.pool();
    }

    static Rendering render(List<MachineConfig> mcs) {
        return Renderer.render("worker", mcs, "quay.io/cluster@sha256:0");
    }

    @Property(tries = 150)
    void nameIsTheContentHashOfTheMergedSpec(@ForAll("pools") List<MachineConfig> mcs) {
        Rendering r = render(mcs);
        assertThat(r.name()).isEqualTo("rendered-worker-" + Renderer.contentHash(r.machineConfig()));
        // renaming every MC while keeping the merge order and dropping other labels changes nothing
        List<MachineConfig> renamed = new ArrayList<>();
        for (MachineConfig mc : mcs) {
            Map<String, String> labels = mc.role() == null ? Map.of() : Map.of(MachineConfig.ROLE_LABEL, mc.role());
            renamed.add(new MachineConfig(
                    "x" + mc.name(),
                    labels,
                    mc.config(),
                    mc.kernelArguments(),
                    mc.extensions(),
                    mc.fips(),
                    mc.kernelType(),
                    mc.osImageURL(),
                    mc.generated()));
        }
        assertThat(render(renamed).name()).isEqualTo(r.name());
        Statistics.label("MCs").collect(mcs.size());
    }

    @Property(tries = 150)
    void differentMergedContentGivesADifferentName(
            @ForAll("pools") List<MachineConfig> mcs, @ForAll @AlphaChars @StringLength(min = 1, max = 8) String text) {
        Rendering r = render(mcs);
        List<MachineConfig> more = new ArrayList<>(mcs);
        more.add(MachineConfig.of(
                "zz-unique",
                "infra",
                ConfigBuilder.create()
                        .file(FileBuilder.at("/etc/unique-" + text).contents(text))
                        .build()));
        assertThat(render(more).name()).isNotEqualTo(r.name());
    }

    @Property(tries = 150)
    void resultDoesNotDependOnListingOrder(@ForAll("pools") List<MachineConfig> mcs, @ForAll long seed) {
        List<MachineConfig> shuffled = new ArrayList<>(mcs);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(render(shuffled)).isEqualTo(render(mcs));
    }

    @Property(tries = 150)
    void workerRoleFragmentsAreMergedFirstThenTheRestByName(@ForAll("pools") List<MachineConfig> mcs) {
        List<String> order = render(mcs).mergeOrder();
        List<String> workers = mcs.stream()
                .filter(mc -> "worker".equals(mc.role()))
                .map(MachineConfig::name)
                .sorted()
                .toList();
        List<String> rest = mcs.stream()
                .filter(mc -> !"worker".equals(mc.role()))
                .map(MachineConfig::name)
                .sorted()
                .toList();
        List<String> expected = new ArrayList<>(workers);
        expected.addAll(rest);
        assertThat(order).isEqualTo(expected);
        Statistics.label("worker and custom").collect(!workers.isEmpty() && !rest.isEmpty());
    }

    @Property(tries = 150)
    void lastWriterWinsPerPathAndUnit(@ForAll("pools") List<MachineConfig> mcs) {
        Rendering r = render(mcs);
        Map<String, MachineConfig> byName = new java.util.HashMap<>();
        mcs.forEach(mc -> byName.put(mc.name(), mc));
        Config merged = r.machineConfig().config();
        int shared = 0;
        for (Config.File f : merged.storage().files()) {
            Config.File last = null;
            int writers = 0;
            for (String name : r.mergeOrder()) {
                for (Config.File g : byName.get(name).config().storage().files()) {
                    if (g.path().equals(f.path())) {
                        last = g;
                        writers++;
                    }
                }
            }
            assertThat(last).as(f.path()).isNotNull();
            assertThat(f.contents().source())
                    .as(f.path())
                    .isEqualTo(last.contents().source());
            assertThat(f.overwrite()).isTrue();
            shared += writers > 1 ? 1 : 0;
        }
        for (Config.Unit u : merged.systemd().units()) {
            Config.Unit last = null;
            for (String name : r.mergeOrder()) {
                for (Config.Unit g : byName.get(name).config().systemd().units()) {
                    if (g.name().equals(u.name())) {
                        last = g;
                    }
                }
            }
            assertThat(u).isEqualTo(last);
        }
        long paths = mcs.stream()
                .flatMap(mc -> mc.config().storage().files().stream())
                .map(Config.File::path)
                .distinct()
                .count();
        assertThat(merged.storage().files()).hasSize((int) paths);
        Statistics.label("path written by several MCs").collect(shared > 0);
    }

    @Property(tries = 150)
    void kernelFieldsFollowTheMergeOrder(@ForAll("pools") List<MachineConfig> mcs) {
        Rendering r = render(mcs);
        Map<String, MachineConfig> byName = new java.util.HashMap<>();
        mcs.forEach(mc -> byName.put(mc.name(), mc));
        List<String> kargs = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        boolean fips = false;
        String kernelType = "default";
        String image = "quay.io/cluster@sha256:0";
        for (String name : r.mergeOrder()) {
            MachineConfig mc = byName.get(name);
            kargs.addAll(mc.kernelArguments());
            extensions.addAll(mc.extensions());
            fips |= mc.fips();
            if (mc.kernelType() != null && !mc.kernelType().equals("default")) {
                kernelType = mc.kernelType();
            }
            if (!mc.generated() && mc.osImageURL() != null) {
                image = mc.osImageURL();
            }
        }
        MachineConfig out = r.machineConfig();
        assertThat(out.kernelArguments()).isEqualTo(kargs);
        assertThat(out.extensions()).isEqualTo(extensions);
        assertThat(out.fips()).isEqualTo(fips);
        assertThat(out.kernelType()).isEqualTo(kernelType);
        assertThat(out.osImageURL()).isEqualTo(image);
        Statistics.label("fips").collect(fips);
        Statistics.label("kernelType").collect(kernelType);
    }

    @Property(tries = 20)
    void noMachineConfigsIsAnError(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String pool) {
        assertThatThrownBy(() -> Renderer.render(pool, List.of()))
                .isInstanceOfSatisfying(
                        RenderException.class,
                        e -> assertThat(e.code()).isEqualTo(RenderException.Code.NO_MACHINE_CONFIGS));
    }

    @Property(tries = 150)
    void reRenderingIsIdempotent(@ForAll("pools") List<MachineConfig> mcs) {
        Rendering r = render(mcs);
        assertThat(render(mcs).name()).isEqualTo(r.name());
        Rendering again = Renderer.render(
                "worker", List.of(r.machineConfig()), r.machineConfig().osImageURL());
        assertThat(again.name()).isEqualTo(r.name());
        assertThat(again.machineConfig()).isEqualTo(r.machineConfig());
        assertThat(DisruptionPolicies.defaults().analyze(r.renderedConfig(), again.renderedConfig()))
                .isEqualTo(new ChangeAnalysis.Reconcilable(Disruption.NONE));
    }
}
