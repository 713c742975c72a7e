package dev.coreos4j.planner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One observed machine. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>The rollout progress the planner needs to be re-entrant is all in the node: {@code desiredConfig} (started),
 * {@code unschedulable}/{@code cordonedBy} (cordoned, and by whom), {@code drained} (the drain for the current
 * desired config completed: MCO's {@code desiredDrain == lastAppliedDrain}), {@code staged} (files and OS written,
 * waiting for the reboot) and {@code currentConfig} (finished).
 *
 * @param name          node name, never blank
 * @param pool          the primary pool's name, or {@code null} when the node is in no pool
 * @param zone          {@code topology.kubernetes.io/zone}, or {@code null}
 * @param created       creation time (the age order key)
 * @param ready         Ready=True and no DiskPressure / NetworkUnavailable
 * @param unschedulable {@code spec.unschedulable}: cordoned by anyone
 * @param cordonedBy    who cordoned it when known ({@link Planner#CORDON_OWNER} when this planner did), or {@code null}
 * @param currentConfig the rendered config the node runs
 * @param desiredConfig the rendered config the node was told to move to
 * @param currentImage  the {@code currentImage} annotation: the image-mode OS image the node runs, or {@code null}
 *                      when the node has none (it is not in image mode); never blank
 * @param desiredImage  the {@code desiredImage} annotation: the image-mode OS image it was told to move to, or
 *                      {@code null} when it has none; never blank
 * @param state         the node agent's state
 * @param reason        the agent's error when Degraded/Unreconcilable, or {@code null}
 * @param drained       the drain for {@code desiredConfig} completed
 * @param staged        the update is written and waits for a reboot
 * @param pods          pods a drain would evict (copied)
 */
public record Node(
        String name,
        @Nullable String pool,
        @Nullable String zone,
        Instant created,
        boolean ready,
        boolean unschedulable,
        @Nullable String cordonedBy,
        String currentConfig,
        String desiredConfig,
        @Nullable String currentImage,
        @Nullable String desiredImage,
        NodeState state,
        @Nullable String reason,
        boolean drained,
        boolean staged,
        List<Pod> pods) {

    public Node {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("node name must not be blank");
        }
        Objects.requireNonNull(created, "created");
        if (currentConfig == null || currentConfig.isBlank()) {
            throw new IllegalArgumentException("node " + name + ": currentConfig must not be blank");
        }
        if (desiredConfig == null || desiredConfig.isBlank()) {
            throw new IllegalArgumentException("node " + name + ": desiredConfig must not be blank");
        }
        if (currentImage != null && currentImage.isBlank()) {
            throw new IllegalArgumentException("node " + name + ": currentImage must not be blank when present");
        }
        if (desiredImage != null && desiredImage.isBlank()) {
            throw new IllegalArgumentException("node " + name + ": desiredImage must not be blank when present");
        }
        Objects.requireNonNull(state, "state");
        pods = List.copyOf(Objects.requireNonNull(pods, "pods"));
        if (!unschedulable) {
            cordonedBy = null;
        }
    }

    /**
     * A settled, ready, schedulable node of {@code pool} on {@code config} (and no image), with no pods; pool and zone
     * may be {@code null} (a node in no pool, a node without a zone label).
     */
    public static Node of(String name, @Nullable String pool, @Nullable String zone, Instant created, String config) {
        return new Node(
                name,
                pool,
                zone,
                created,
                true,
                false,
                null,
                config,
                config,
                null,
                null,
                NodeState.DONE,
                null,
                false,
                false,
                List.of());
    }

    /**
     * MCO's "done": current equals desired (config and image, both absent or equal) and the agent is Done.
     */
    public boolean isDone() {
        return currentConfig.equals(desiredConfig)
                && Objects.equals(currentImage, desiredImage)
                && state == NodeState.DONE;
    }

    /** MCO's "failing": told to move ({@code desired != current}) and the agent is Degraded or Unreconcilable. */
    public boolean isFailing() {
        return !currentConfig.equals(desiredConfig)
                && (state == NodeState.DEGRADED || state == NodeState.UNRECONCILABLE);
    }

    /** Ready for scheduling: ready and not cordoned by anyone. */
    public boolean isSchedulable() {
        return ready && !unschedulable;
    }

    /**
     * THE unavailability predicate (MCO {@code IsUnavailableForUpdate}), shared by every budget and by the pool
     * status: not ready for scheduling, or not done while not failing.
     */
    public boolean isUnavailable() {
        return !isSchedulable() || (!isDone() && !isFailing());
    }

    /** Whether this planner cordoned the node (and so may uncordon it). */
    public boolean isCordonedByPlanner() {
        return unschedulable && Planner.CORDON_OWNER.equals(cordonedBy);
    }

    /**
     * Whether the node was told to move to {@code target}: its desired config is the target's and its desired image is
     * the target's image, or absent when the target has none (MCO: a node of a pool without an image target that still
     * carries a desired image is a candidate, the opt-out of image mode).
     */
    public boolean targets(Target target) {
        return desiredConfig.equals(target.config()) && Objects.equals(target.osImage(), desiredImage);
    }

    /** Whether the node runs {@code target}: current config and current image (absent when the target has none). */
    public boolean runs(Target target) {
        return currentConfig.equals(target.config()) && Objects.equals(target.osImage(), currentImage);
    }

    /** The target this node was told to move to. */
    public Target desired() {
        return new Target(desiredConfig, desiredImage);
    }

    /** The target this node runs. */
    public Target current() {
        return new Target(currentConfig, currentImage);
    }

    /** A copy with {@code ready} replaced. */
    public Node withReady(boolean value) {
        return new Node(
                name,
                pool,
                zone,
                created,
                value,
                unschedulable,
                cordonedBy,
                currentConfig,
                desiredConfig,
                currentImage,
                desiredImage,
                state,
                reason,
                drained,
                staged,
                pods);
    }

    /** Cordoned ({@code owner} non-null) or uncordoned ({@code owner} null). */
    public Node withCordon(@Nullable String owner) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                owner != null,
                owner,
                currentConfig,
                desiredConfig,
                currentImage,
                desiredImage,
                state,
                reason,
                drained,
                staged,
                pods);
    }

    /** A copy with {@code state} replaced and its reason {@code why} ({@code null} for none). */
    public Node withState(NodeState value, @Nullable String why) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                currentConfig,
                desiredConfig,
                currentImage,
                desiredImage,
                value,
                why,
                drained,
                staged,
                pods);
    }

    /**
     * Told to move to {@code target}: desired config and desired image become the target's (a target without an image
     * clears the desired image, as MCO's {@code SetDesiredStateFromPool} deletes the annotation); the agent starts over
     * (state Done, nothing staged).
     */
    public Node withDesired(Target target) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                currentConfig,
                target.config(),
                currentImage,
                target.osImage(),
                NodeState.DONE,
                null,
                drained,
                false,
                pods);
    }

    /** A copy with {@code drained} replaced. */
    public Node withDrained(boolean value) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                currentConfig,
                desiredConfig,
                currentImage,
                desiredImage,
                state,
                reason,
                value,
                staged,
                pods);
    }

    /** A copy with {@code staged} replaced. */
    public Node withStaged(boolean value) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                currentConfig,
                desiredConfig,
                currentImage,
                desiredImage,
                state,
                reason,
                drained,
                value,
                pods);
    }

    /**
     * Finished: current becomes desired (config and image; an absent desired image removes the current one, as the
     * MCD's {@code SetDone} does), nothing staged, drain record cleared, agent Done.
     */
    public Node withFinished() {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                desiredConfig,
                desiredConfig,
                desiredImage,
                desiredImage,
                NodeState.DONE,
                null,
                false,
                false,
                pods);
    }

    /** A copy with {@code current} replaced. */
    public Node withCurrent(Target target) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                target.config(),
                desiredConfig,
                target.osImage(),
                desiredImage,
                state,
                reason,
                drained,
                staged,
                pods);
    }

    /** A copy with {@code pods} replaced. */
    public Node withPods(List<Pod> value) {
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                currentConfig,
                desiredConfig,
                currentImage,
                desiredImage,
                state,
                reason,
                drained,
                staged,
                value);
    }
}
