package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import java.util.Optional;

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
     * The ref now names {@code current} (empty: deleted); it named {@code previous} before.
     *
     * @param refspec the ref
     * @param previous the value before the update
     * @param current the value after the update
     */
    record Updated(String refspec, Optional<Checksum> previous, Optional<Checksum> current) implements RefUpdate {}

    /**
     * Not applied: the caller expected {@code expected}, but the ref named {@code actual}.
     *
     * @param refspec the ref
     * @param expected what the caller expected the ref to name (empty: absent)
     * @param actual what it named
     * @param wanted the value the caller wanted to write (empty: delete)
     */
    record Conflict(String refspec, Optional<Checksum> expected, Optional<Checksum> actual, Optional<Checksum> wanted)
            implements RefUpdate {
        /** One line for users. */
        public String describe() {
            return "ref " + refspec + " moved: expected "
                    + expected.map(Checksum::hex).orElse("(none)") + ", found "
                    + actual.map(Checksum::hex).orElse("(none)");
        }
    }
}
