package dev.coreos4j.ignition.merge;

/** Which input of a {@link Merge} a value of the result came from. */
public enum Side {
    /** The base config (lower precedence). */
    PARENT,
    /** The overriding config (higher precedence). */
    CHILD;

    /** {@code "parent"} or {@code "child"}. */
    @Override
    public String toString() {
        return this == PARENT ? "parent" : "child";
    }
}
