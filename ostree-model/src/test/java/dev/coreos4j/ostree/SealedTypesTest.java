package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ostree.repo.Ed25519;
import dev.coreos4j.ostree.repo.RefUpdate;
import dev.coreos4j.ostree.repo.TreeEntry;
import org.junit.jupiter.api.Test;

/**
 * Java 17 has no exhaustive switch over sealed types, so each hierarchy has one dispatch site; this pins the
 * permitted subclasses so that adding one forces a look at those sites (CLI commit/sign, checkout, ls).
 */
class SealedTypesTest {

    @Test
    void sealedHierarchies_haveExactlyTheKnownCases() {
        assertThat(RefUpdate.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(RefUpdate.Updated.class, RefUpdate.Conflict.class);
        assertThat(TreeEntry.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(TreeEntry.File.class, TreeEntry.Directory.class);
        assertThat(Ed25519.Verification.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Ed25519.Verification.Valid.class, Ed25519.Verification.Invalid.class);
    }
}
