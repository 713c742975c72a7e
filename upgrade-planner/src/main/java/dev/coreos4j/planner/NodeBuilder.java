package dev.coreos4j.planner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assembles a {@link Node} field by field, with the snapshot JSON's defaults: created at the epoch, ready,
 * schedulable, state {@code Done}, desired config and image equal to the current ones unless set, no pods. Not
 * thread-safe; {@link #build()} may be called repeatedly.
 *
 * <pre>{@code
 * Node w1 = NodeBuilder.named("w1").pool("worker").zone("us-east-1a").config("rendered-worker-a")
 *         .desiredConfig("rendered-worker-b").state(NodeState.WORKING).build();
 * }</pre>
 */
public final class NodeBuilder {

    private final String name;
    private @Nullable String pool;
    private @Nullable String zone;
    private Instant created = Instant.EPOCH;
    private boolean ready = true;
    private boolean unschedulable;
    private @Nullable String cordonedBy;
    private @Nullable String currentConfig;
    private @Nullable String desiredConfig;
    private @Nullable String currentImage;
    private @Nullable String desiredImage;
    private boolean desiredImageSet;
    private NodeState state = NodeState.DONE;
    private @Nullable String reason;
    private boolean drained;
    private boolean staged;
    private final List<Pod> pods = new ArrayList<>();

    private NodeBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A builder for the node named {@code name} (not null; {@link #build()} rejects a blank one). */
    public static NodeBuilder named(String name) {
        return new NodeBuilder(name);
    }

    /** A builder holding every field of {@code node}, to change some of them. */
    public static NodeBuilder from(Node node) {
        NodeBuilder b = new NodeBuilder(node.name());
        b.pool = node.pool();
        b.zone = node.zone();
        b.created = node.created();
        b.ready = node.ready();
        b.unschedulable = node.unschedulable();
        b.cordonedBy = node.cordonedBy();
        b.currentConfig = node.currentConfig();
        b.desiredConfig = node.desiredConfig();
        b.currentImage = node.currentImage();
        b.desiredImage = node.desiredImage();
        b.desiredImageSet = true;
        b.state = node.state();
        b.reason = node.reason();
        b.drained = node.drained();
        b.staged = node.staged();
        b.pods.addAll(node.pods());
        return b;
    }

    /** The primary pool's name, or null for none. */
    public NodeBuilder pool(String value) {
        this.pool = value;
        return this;
    }

    /** The zone, or null. */
    public NodeBuilder zone(String value) {
        this.zone = value;
        return this;
    }

    /** The creation time (not null). */
    public NodeBuilder created(Instant value) {
        this.created = Objects.requireNonNull(value, "created");
        return this;
    }

    /** The conditions' readiness. */
    public NodeBuilder ready(boolean value) {
        this.ready = value;
        return this;
    }

    /** Cordoned by someone unknown ({@code true}) or not cordoned. */
    public NodeBuilder unschedulable(boolean value) {
        this.unschedulable = value;
        if (!value) {
            this.cordonedBy = null;
        }
        return this;
    }

    /** Cordoned by {@code owner} ({@link Planner#CORDON_OWNER} for this planner), or not cordoned when null. */
    public NodeBuilder cordonedBy(String owner) {
        this.cordonedBy = owner;
        this.unschedulable = owner != null;
        return this;
    }

    /** Current and desired config both (a settled node). */
    public NodeBuilder config(String value) {
        this.currentConfig = value;
        this.desiredConfig = value;
        return this;
    }

    /** The config the node runs. */
    public NodeBuilder currentConfig(String value) {
        this.currentConfig = value;
        return this;
    }

    /** The config the node was told to move to (default: the current one). */
    public NodeBuilder desiredConfig(String value) {
        this.desiredConfig = value;
        return this;
    }

    /** The image the node runs, or null. */
    public NodeBuilder currentImage(String value) {
        this.currentImage = value;
        return this;
    }

    /** The image the node was told to move to, or null (default: the current image). */
    public NodeBuilder desiredImage(String value) {
        this.desiredImage = value;
        this.desiredImageSet = true;
        return this;
    }

    /** The node agent's state (not null). */
    public NodeBuilder state(NodeState value) {
        this.state = Objects.requireNonNull(value, "state");
        return this;
    }

    /** The agent's state and its reason (null for none). */
    public NodeBuilder state(NodeState value, String why) {
        this.reason = why;
        return state(value);
    }

    /** The drain for the desired config completed. */
    public NodeBuilder drained(boolean value) {
        this.drained = value;
        return this;
    }

    /** The update is written and waits for a reboot. */
    public NodeBuilder staged(boolean value) {
        this.staged = value;
        return this;
    }

    /** Adds a pod a drain would evict. */
    public NodeBuilder pod(String podName, Map<String, String> labels) {
        pods.add(new Pod(podName, labels));
        return this;
    }

    /** Replaces the pods. */
    public NodeBuilder pods(List<Pod> value) {
        pods.clear();
        pods.addAll(value);
        return this;
    }

    /**
     * The node.
     *
     * @throws IllegalArgumentException when the name or the current config is blank or missing
     */
    public Node build() {
        if (currentConfig == null) {
            throw new IllegalArgumentException(
                    "node " + name + ": currentConfig must be set (config(…) or" + " currentConfig(…))");
        }
        return new Node(
                name,
                pool,
                zone,
                created,
                ready,
                unschedulable,
                cordonedBy,
                currentConfig,
                desiredConfig == null ? currentConfig : desiredConfig,
                currentImage,
                desiredImageSet ? desiredImage : currentImage,
                state,
                reason,
                drained,
                staged,
                pods);
    }
}
