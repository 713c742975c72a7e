package dev.coreos4j.testkit;

import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.KargEdit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * The jqwik actions of {@link DeploymentSimulator}, one per step kind, with the generators of their arguments
 * (stateroots, commit numbers 0..2, boot indexes -1..4 so out-of-range ones are tried, deploy options).
 * {@link DeploymentSimulator} is the public face. Stateless.
 */
final class DeploymentActions {

    private DeploymentActions() {}

    private static Transformer<DeploymentSimulator> mutate(
            String description, java.util.function.Consumer<DeploymentSimulator> step) {
        return Transformer.mutate(description, step);
    }

    private static Arbitrary<DeployOptions> options(boolean stage) {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((notDefault, retain, pending, rollback, noMerge) -> DeployOptions.DEFAULTS
                        .withNotAsDefault(notDefault && !stage)
                        .withRetain(retain && !stage)
                        .withRetainPending(pending)
                        .withRetainRollback(rollback)
                        .withNoMerge(noMerge));
    }

    private static Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(-1, 4);
    }

    private static Arbitrary<Integer> commitIndexes() {
        return Arbitraries.integers().between(0, 2);
    }

    /** {@code os-init} of one of {@link DeploymentSimulator#STATEROOTS}. */
    static Action.Independent<DeploymentSimulator> osInitAction() {
        return () ->
                Arbitraries.of(DeploymentSimulator.STATEROOTS).map(os -> mutate("os-init " + os, s -> s.osInit(os)));
    }

    /** A direct deploy of commit 0..2 with random retain/not-as-default/no-merge options. */
    static Action.Independent<DeploymentSimulator> deployAction() {
        return () -> Combinators.combine(
                        Arbitraries.of(DeploymentSimulator.STATEROOTS), commitIndexes(), options(false))
                .as((os, c, o) -> mutate("deploy " + os + " c" + c + " " + o, s -> s.deploy(os, c, o)));
    }

    /** A staged deploy of commit 0..2. */
    static Action.Independent<DeploymentSimulator> stageAction() {
        return () -> Combinators.combine(Arbitraries.of(DeploymentSimulator.STATEROOTS), commitIndexes(), options(true))
                .as((os, c, o) -> mutate("stage " + os + " c" + c + " " + o, s -> s.stage(os, c, o)));
    }

    /** {@code finalize-staged}. */
    static Action.Independent<DeploymentSimulator> finalizeAction() {
        return () -> Arbitraries.just(mutate("finalize", DeploymentSimulator::finalizeStaged));
    }

    /** A clean reboot into entry -1..4 (out-of-range indexes are refused). */
    static Action.Independent<DeploymentSimulator> rebootAction() {
        return () -> indexes().map(i -> mutate("reboot " + i, s -> s.reboot(i)));
    }

    /** {@code rollback}. */
    static Action.Independent<DeploymentSimulator> rollbackAction() {
        return () -> Arbitraries.just(mutate("rollback", DeploymentSimulator::rollback));
    }

    /** {@code set-default} of -1..4. */
    static Action.Independent<DeploymentSimulator> setDefaultAction() {
        return () -> indexes().map(i -> mutate("set-default " + i, s -> s.setDefault(i)));
    }

    /** {@code undeploy} of -1..4. */
    static Action.Independent<DeploymentSimulator> undeployAction() {
        return () -> indexes().map(i -> mutate("undeploy " + i, s -> s.undeploy(i)));
    }

    /** {@code pin} or {@code unpin} of -1..4. */
    static Action.Independent<DeploymentSimulator> pinAction() {
        return () -> Combinators.combine(indexes(), Arbitraries.of(true, false))
                .as((i, p) -> mutate((p ? "pin " : "unpin ") + i, s -> s.pin(i, p)));
    }

    /** A kernel-argument change (append/replace/delete of {@code quiet}, {@code debug}, {@code a=1}, {@code a=2}). */
    static Action.Independent<DeploymentSimulator> kargsAction() {
        return () -> Combinators.combine(
                        Arbitraries.of("quiet", "debug", "a=1", "a=2"),
                        Arbitraries.of(KargEdit.Op.values()),
                        Arbitraries.of(true, false))
                .as((arg, op, st) -> mutate(
                        "kargs " + op + " " + arg + (st ? " staged" : ""),
                        s -> s.changeKargs(List.of(new KargEdit(op, arg)), st)));
    }

    /** {@code cleanup} with any combination of {@code -p} and {@code -r}. */
    static Action.Independent<DeploymentSimulator> cleanupAction() {
        return () -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((p, r) -> mutate("cleanup " + (p ? "-p" : "") + (r ? "-r" : ""), s -> s.cleanup(p, r)));
    }

    /**
     * A power loss at any point: while idle, or during a deploy, stage, finalize or rollback, landing before or after
     * the commit point (chosen by the generator, so jqwik shrinks it), then a boot into entry 0..3.
     */
    static Action.Independent<DeploymentSimulator> powerLossAction() {
        return () -> Combinators.combine(
                        Arbitraries.of("idle", "deploy", "stage", "finalize", "rollback"),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(DeploymentSimulator.STATEROOTS),
                        commitIndexes())
                .as((during, landed, i, os, c) ->
                        mutate("power loss " + during + (landed ? " (landed)" : "") + ", boot " + i, s -> {
                            switch (during) {
                                case "idle" -> s.powerLoss(i);
                                case "deploy" -> s.powerLossDuringDeploy(os, c, DeployOptions.DEFAULTS, landed, i);
                                case "stage" -> s.powerLossDuringStage(os, c, DeployOptions.DEFAULTS, i);
                                case "finalize" -> s.powerLossDuringFinalize(landed, i);
                                default -> s.powerLossDuringRollback(landed, i);
                            }
                        }));
    }
}
