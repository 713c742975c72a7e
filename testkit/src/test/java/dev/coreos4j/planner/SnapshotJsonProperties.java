package dev.coreos4j.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.testkit.FleetArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link PlannerJson#writeSnapshot} and {@link PlannerJson#readSnapshot} are inverse on the testkit's fleets. */
class SnapshotJsonProperties {

    @Provide
    Arbitrary<Snapshot> snapshots() {
        return Arbitraries.oneOf(
                FleetArbitraries.cleanSnapshots(),
                FleetArbitraries.messySnapshots(),
                FleetArbitraries.gatedSnapshots());
    }

    @Property(tries = 200)
    void writeSnapshot_readsBackEqual(@ForAll("snapshots") Snapshot s) {
        String json = PlannerJson.writeSnapshot(s);
        Snapshot back = PlannerJson.readSnapshot(json);
        assertThat(back).isEqualTo(s);
        assertThat(PlannerJson.writeSnapshot(back)).isEqualTo(json);
    }

    /** The builders assemble the same snapshot from its parts. */
    @Property(tries = 100)
    void builders_rebuildEverySnapshot(@ForAll("snapshots") Snapshot s) {
        SnapshotBuilder b = SnapshotBuilder.at(s.now())
                .policies(s.policies())
                .limits(s.limits())
                .topology(s.topology())
                .acceptAvailabilityLoss(s.acceptAvailabilityLoss());
        s.pools().forEach(p -> b.pool(PoolBuilder.from(p)));
        s.nodes().forEach(n -> b.node(NodeBuilder.from(n)));
        s.configs().forEach(b::config);
        s.pdbs().forEach(b::pdb);
        s.windows().forEach(b::window);
        s.locks().forEach(b::lock);
        assertThat(b.build()).isEqualTo(s);
        assertThat(SnapshotBuilder.from(s).build()).isEqualTo(s);
    }
}
