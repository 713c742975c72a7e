package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a compare-and-set ref update: either it was applied, or the ref had moved since the caller read it
 * (then nothing was written). A moved ref is an expected race, so it is a result, never an exception.
 */
public sealed interface RefUpdate permits RefUpdate.Updated, RefUpdate.Conflict {

    /** The refspec, e.g. {@code os/stable} or {@code origin:os/stable}. */
    String refspec();

    /** Whether the update was applied. */
    default boolean applied() {
        return this instanceof Updated;
    }

    /**
     * The ref now names {@code current} (null: deleted); it named {@code previous} before (null: absent).
     *
     * @param refspec the ref
     * @param previous the value before the update, or null
     * @param current the value after the update, or null
     */
    record Updated(
            String refspec,
            @Nullable Checksum previous,
            @Nullable Checksum current) implements RefUpdate {}

    /**
     * Not applied: the caller expected {@code expected}, but the ref named {@code actual}.
     *
     * @param refspec the ref
     * @param expected what the caller expected the ref to name (null: absent)
     * @param actual what it named (null: absent)
     * @param wanted the value the caller wanted to write (null: delete)
     */
    record Conflict(
            String refspec,
            @Nullable Checksum expected,
            @Nullable Checksum actual,
            @Nullable Checksum wanted) implements RefUpdate {
        /** One line for users. */
        public String describe() {
            return "ref " + refspec + " moved: expected " + hex(expected) + ", found " + hex(actual);
        }

        private static String hex(@Nullable Checksum c) {
            return c == null ? "(none)" : c.hex();
        }
    }
}
