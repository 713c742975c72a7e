package dev.coreos4j.ostree;

import dev.coreos4j.testkit.OstreeArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/** The OSTree jqwik domain: the testkit's object arbitraries as {@code @ForAll} defaults. */
public class ObjectDomain extends DomainContextBase {

    @Provide
    Arbitrary<String> names() {
        return OstreeArbitraries.names();
    }

    @Provide
    Arbitrary<Checksum> checksums() {
        return OstreeArbitraries.checksums();
    }

    @Provide
    Arbitrary<List<Xattr>> xattrLists() {
        return OstreeArbitraries.xattrLists();
    }

    @Provide
    Arbitrary<FileHeader> fileHeaders() {
        return OstreeArbitraries.fileHeaders();
    }

    @Provide
    Arbitrary<DirMeta> dirMetas() {
        return OstreeArbitraries.dirMetas();
    }

    @Provide
    Arbitrary<DirTree> dirTrees() {
        return OstreeArbitraries.dirTrees();
    }

    @Provide
    Arbitrary<Metadata> metadatas() {
        return OstreeArbitraries.metadatas();
    }

    @Provide
    Arbitrary<CommitObject> commits() {
        return OstreeArbitraries.commits();
    }
}
