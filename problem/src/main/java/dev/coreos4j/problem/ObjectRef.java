package dev.coreos4j.problem;

import java.util.Objects;

/**
 * A named object a problem is about: an OSTree object ({@code commit}, {@code dirtree}, … and its checksum), a ref,
 * a Kubernetes object ({@code Node}, {@code MachineConfigPool}, … and its name), a deployment.
 *
 * @param kind what the object is, as its own domain spells it ({@code commit}, {@code Node}); not blank
 * @param name its name or checksum; not blank
 */
public record ObjectRef(String kind, String name) {
    /**
     * Checks both parts.
     *
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if either is blank
     */
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("kind and name must not be blank: '" + kind + "' '" + name + "'");
        }
    }

    /** {@code kind/name}, as {@code kubectl} names objects. */
    @Override
    public String toString() {
        return kind + "/" + name;
    }
}
