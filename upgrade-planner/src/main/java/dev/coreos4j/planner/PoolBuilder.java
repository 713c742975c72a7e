package dev.coreos4j.planner;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assembles a {@link Pool} field by field, with the snapshot JSON's defaults: a worker-style pool, budget 1,
 * oldest first, every option off. Not thread-safe; {@link #build()} may be called repeatedly.
 *
 * <pre>{@code
 * Pool worker = PoolBuilder.named("worker").target("rendered-worker-b").previous("rendered-worker-a")
 *         .maxUnavailable("25%").build();
 * }</pre>
 */
public final class PoolBuilder {

    private final String name;
    private boolean controlPlane;
    private MaxUnavailable maxUnavailable = MaxUnavailable.DEFAULT;
    private boolean paused;
    private boolean aborted;
    private @Nullable Target target;
    private @Nullable Target previous;
    private boolean newestFirst;
    private @Nullable String deferredNode;
    private @Nullable MaxUnavailable failureThreshold;
    private @Nullable String lockGroup;

    private PoolBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A builder for the pool named {@code name} (not null; {@link #build()} rejects a blank one). */
    public static PoolBuilder named(String name) {
        return new PoolBuilder(name);
    }

    /** A builder holding every field of {@code pool}. */
    public static PoolBuilder from(Pool pool) {
        PoolBuilder b = new PoolBuilder(pool.name());
        b.controlPlane = pool.controlPlane();
        b.maxUnavailable = pool.maxUnavailable();
        b.paused = pool.paused();
        b.aborted = pool.aborted();
        b.target = pool.target();
        b.previous = pool.previous();
        b.newestFirst = pool.newestFirst();
        b.deferredNode = pool.deferredNode();
        b.failureThreshold = pool.failureThreshold();
        b.lockGroup = pool.lockGroup();
        return b;
    }

    /** An etcd (control-plane) pool: one node at a time, quorum kept. */
    public PoolBuilder controlPlane(boolean value) {
        this.controlPlane = value;
        return this;
    }

    /** The budget (not null). */
    public PoolBuilder maxUnavailable(MaxUnavailable value) {
        this.maxUnavailable = Objects.requireNonNull(value, "maxUnavailable");
        return this;
    }

    /**
     * The budget as {@code "3"} or {@code "25%"}.
     *
     * @throws IllegalArgumentException when malformed or negative
     */
    public PoolBuilder maxUnavailable(String value) {
        return maxUnavailable(MaxUnavailable.parse(value));
    }

    /** The budget as a count. */
    public PoolBuilder maxUnavailable(int value) {
        return maxUnavailable(new MaxUnavailable.Count(value));
    }

    /** No action of any kind on the pool's nodes. */
    public PoolBuilder paused(boolean value) {
        this.paused = value;
        return this;
    }

    /** No new starts; started-but-unstaged nodes go back. */
    public PoolBuilder aborted(boolean value) {
        this.aborted = value;
        return this;
    }

    /** The target (not null). */
    public PoolBuilder target(Target value) {
        this.target = Objects.requireNonNull(value, "target");
        return this;
    }

    /** A config-only target. */
    public PoolBuilder target(String config) {
        return target(Target.of(config));
    }

    /** The previous target, or null. */
    public PoolBuilder previous(@Nullable Target value) {
        this.previous = value;
        return this;
    }

    /** A config-only previous target (null for none). */
    public PoolBuilder previous(String config) {
        return previous(config == null ? null : Target.of(config));
    }

    /** Order by age newest first. */
    public PoolBuilder newestFirst(boolean value) {
        this.newestFirst = value;
        return this;
    }

    /** The node that updates last, or null. */
    public PoolBuilder deferredNode(String value) {
        this.deferredNode = value;
        return this;
    }

    /** The failure threshold, or null. */
    public PoolBuilder failureThreshold(MaxUnavailable value) {
        this.failureThreshold = value;
        return this;
    }

    /** The FleetLock group, or null. */
    public PoolBuilder lockGroup(String value) {
        this.lockGroup = value;
        return this;
    }

    /**
     * The pool.
     *
     * @throws IllegalArgumentException when the name is blank
     * @throws IllegalStateException    when no target was set
     */
    public Pool build() {
        if (target == null) {
            throw new IllegalStateException("pool " + name + ": target must be set");
        }
        return new Pool(
                name,
                controlPlane,
                maxUnavailable,
                paused,
                aborted,
                target,
                previous,
                newestFirst,
                deferredNode,
                failureThreshold,
                lockGroup);
    }
}
