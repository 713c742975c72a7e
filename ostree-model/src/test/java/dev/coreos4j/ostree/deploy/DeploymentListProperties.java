package dev.coreos4j.ostree.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** {@link DeploymentList} as a state machine: random chains of every transition keep the libostree invariants. */
class DeploymentListProperties {

    /** The simulated sysroot plus what the checks need to remember. */
    record Sim(DeploymentList list, boolean everBooted, int applied, int refused) {}

    private static final List<String> OSES = List.of("fedora", "rhcos");

    @Property(tries = 300)
    void anyChain_keepsInvariants(@ForAll("chains") ActionChain<Sim> chain) {
        chain.withInvariant("exactly one booted once booted", s -> {
            if (s.everBooted()) {
                assertThat(s.list().booted()).isNotNull();
                assertThat(s.list().deployments().stream().filter(d -> d.key().equals(s.list().booted())))
                        .hasSize(1);
            }
        }).withInvariant("at most one staged and it is first", s -> {
            List<Deployment> ds = s.list().deployments();
            for (int i = 0; i < ds.size(); i++) {
                if (ds.get(i).staged()) {
                    assertThat(i).isZero();
                }
            }
        }).withInvariant("staged only when booted", s -> {
            if (s.list().staged().isPresent()) {
                assertThat(s.list().booted()).isNotNull();
            }
        }).run();
    }

    @Provide
    Arbitrary<ActionChain<Sim>> chains() {
        return ActionChain.<Sim>startWith(() -> new Sim(DeploymentList.EMPTY, false, 0, 0))
                .withAction(3, new InitAction())
                .withAction(6, new DeployAction(false))
                .withAction(3, new DeployAction(true))
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.just(step("finalize", DeploymentList::finalizeStaged)))
                .withAction(4, (Action.Independent<Sim>) () -> Arbitraries.integers().between(-1, 4)
                        .map(i -> step("boot " + i, l -> l.boot(i))))
                .withAction(1, (Action.Independent<Sim>) () -> Arbitraries.integers().between(0, 3)
                        .map(i -> step("power loss, boot " + i, l -> l.bootAfterPowerLoss(i))))
                .withAction(3, (Action.Independent<Sim>) () -> Arbitraries.just(step("rollback", DeploymentList::rollback)))
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.integers().between(-1, 4)
                        .map(i -> step("set-default " + i, l -> l.setDefault(i))))
                .withAction(2, (Action.Independent<Sim>) () -> Arbitraries.integers().between(-1, 4)
                        .map(i -> step("undeploy " + i, l -> l.undeploy(i))))
                .withAction(2, (Action.Independent<Sim>) () -> Combinators.combine(
                                Arbitraries.integers().between(-1, 4), Arbitraries.of(true, false))
                        .as((i, p) -> step("pin " + i + " " + p, l -> l.pin(i, p))))
                .withAction(2, (Action.Independent<Sim>) () -> Combinators.combine(
                                Arbitraries.of("quiet", "debug", "a=1", "a=2"), Arbitraries.of(KargEdit.Op.values()),
                                Arbitraries.of(true, false))
                        .as((arg, op, st) -> step("kargs " + op + " " + arg + (st ? " staged" : ""),
                                l -> l.changeKargs(List.of(new KargEdit(op, arg)), st))))
                .withAction(2, (Action.Independent<Sim>) () -> Combinators.combine(
                                Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((p, r) -> step("cleanup " + (p ? "-p" : "") + (r ? "-r" : ""), l -> l.cleanup(p, r))))
                .withMaxTransformations(40);
    }

    private static final class InitAction implements Action.Independent<Sim> {
        @Override
        public Arbitrary<Transformer<Sim>> transformer() {
            return Arbitraries.of(OSES).map(os -> step("os-init " + os, l -> l.initStateroot(os)));
        }
    }

    private static final class DeployAction implements Action.Independent<Sim> {
        private final boolean stage;

        DeployAction(boolean stage) {
            this.stage = stage;
        }

        @Override
        public Arbitrary<Transformer<Sim>> transformer() {
            Arbitrary<DeployOptions> options = Combinators.combine(Arbitraries.of(true, false),
                            Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                            Arbitraries.of(true, false))
                    .as((notDefault, retain, pending, rollback, noMerge) -> DeployOptions.DEFAULTS
                            .withNotAsDefault(notDefault && !stage).withRetain(retain && !stage)
                            .withRetainPending(pending).withRetainRollback(rollback).withNoMerge(noMerge));
            return Combinators.combine(Arbitraries.of(OSES), Arbitraries.of(Fixtures.COMMITS), options)
                    .as((os, commit, o) -> step((stage ? "stage " : "deploy ") + os + " " + commit.hex().substring(0, 6)
                            + " " + o, l -> stage ? l.stage(Fixtures.target(os, commit), o)
                                    : l.deploy(Fixtures.target(os, commit), o)));
        }
    }

    interface Step {
        Transition apply(DeploymentList list);
    }

    /** Applies one transition and checks what must hold for every single transition. */
    static Transformer<Sim> step(String description, Step step) {
        return Transformer.transform(description, sim -> {
            DeploymentList before = sim.list();
            Transition t = step.apply(before);
            if (!t.isApplied()) {
                return new Sim(before, sim.everBooted(), sim.applied(), sim.refused() + 1);
            }
            Transition.Applied a = (Transition.Applied) t;
            assertThat(a.before()).isSameAs(before);
            DeploymentList after = a.after();
            boolean isBoot = description.startsWith("boot") || description.startsWith("power loss");
            // the booted deployment is never removed (until a reboot changes which one is booted)
            if (before.booted() != null && !isBoot) {
                assertThat(after.booted()).isEqualTo(before.booted());
                assertThat(a.removed()).noneMatch(r -> r.deployment().key().equals(before.booted()));
            }
            // pinned deployments only go by an explicit undeploy
            for (Removal r : a.removed()) {
                if (r.deployment().pinned()) {
                    assertThat(r.reason()).isEqualTo(Removal.Reason.UNDEPLOYED);
                }
            }
            // removed + kept = old (+ the created one), nothing appears from nowhere
            List<Deployment.Key> old = new ArrayList<>();
            before.deployments().forEach(d -> old.add(d.key()));
            for (Deployment d : after.deployments()) {
                boolean created = a.added() != null && d.key().equals(a.added().key());
                boolean finalized = description.startsWith("boot") && before.staged().isPresent()
                        && d.key().equals(before.staged().get().key());
                assertThat(old.contains(d.key()) || created || finalized)
                        .as("%s appeared from nowhere", d.id()).isTrue();
            }
            for (Removal r : a.removed()) {
                assertThat(after.indexOf(r.deployment().key())).isEqualTo(-1);
            }
            // deployments of another stateroot are never garbage-collected by a deploy of this one
            if (a.added() != null && !description.startsWith("kargs")) {
                for (Removal r : a.removed()) {
                    if (r.reason() == Removal.Reason.NOT_RETAINED) {
                        assertThat(r.deployment().stateroot()).isEqualTo(a.added().stateroot());
                    }
                }
            }
            return new Sim(after, sim.everBooted() || after.booted() != null, sim.applied() + 1, sim.refused());
        });
    }

    @Property(tries = 200)
    void rollbackTwice_restoresTwoDeploymentStateroot(@ForAll("chains") ActionChain<Sim> chain) {
        Sim s = chain.run();
        DeploymentList l = s.list();
        Transition first = l.rollback();
        if (!first.isApplied()) {
            assertThat(first.refusal().reason()).isIn(Refusal.NOT_BOOTED, Refusal.NO_ROLLBACK, Refusal.STAGED_PENDING);
            return;
        }
        String os = l.bootedDeployment().orElseThrow().stateroot();
        DeploymentList once = first.list();
        Deployment expectedFirst = l.rollback(os).orElse(l.bootedDeployment().orElseThrow());
        assertThat(once.deployments().get(0).key()).isEqualTo(expectedFirst.key());
        List<Deployment.Key> osOrder = l.deployments().stream().filter(d -> d.stateroot().equals(os))
                .map(Deployment::key).toList();
        if (osOrder.size() == 2 && l.deployments().get(0).stateroot().equals(os)) {
            DeploymentList twice = once.rollback().list();
            assertThat(twice.deployments().get(0)).isEqualTo(l.deployments().get(0));
            assertThat(twice.deployments().stream().filter(d -> d.stateroot().equals(os)).map(Deployment::key).toList())
                    .isEqualTo(osOrder);
            if (l.deployments().size() == 2) {
                assertThat(twice).isEqualTo(l);
            }
        }
    }

    @Property(tries = 200)
    void deployOnBootedHost_writesNewBootedPinnedAndOtherStateroots(@ForAll("chains") ActionChain<Sim> chain) {
        DeploymentList l = chain.run().list();
        if (l.booted() == null) {
            return;
        }
        String os = l.bootedDeployment().orElseThrow().stateroot();
        DeploymentList next = l.deploy(Fixtures.target(os, Fixtures.C4), DeployOptions.DEFAULTS).list();
        List<Deployment.Key> expected = new ArrayList<>();
        expected.add(next.deployments().get(0).key());
        for (Deployment d : l.deployments()) {
            boolean keep = d.key().equals(l.booted()) || d.pinned() || !d.stateroot().equals(os);
            if (keep && !d.staged()) {
                expected.add(d.key());
            }
        }
        assertThat(next.deployments().stream().map(Deployment::key).toList()).isEqualTo(expected);
    }
}
