package dev.coreos4j.ignition.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.testkit.IgnitionArbitraries;
import dev.coreos4j.testkit.IgnitionLaws;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Merge laws over generated configs (files/directories/links, units with drop-ins, users, kernel arguments drawn from
 * a small key space so parent and child overlap), checked with the testkit's {@link IgnitionLaws}.
 */
class MergeProperties {

    @Property(tries = 200)
    void merge_withEmptyIsIdentity(@ForAll("configs") Config c) {
        IgnitionLaws.checkMergeIdentity(c);
    }

    @Property(tries = 200)
    void merge_withItselfIsIdentityExceptConcatenatedLists(@ForAll("configs") Config c) {
        IgnitionLaws.checkMergeSelf(c);
    }

    @Property(tries = 200)
    void merge_childScalarsWin(@ForAll("configs") Config parent, @ForAll("configs") Config child) {
        IgnitionLaws.checkMergeChildWins(parent, child);
    }

    @Property(tries = 200)
    void merge_keysStayUnique(@ForAll("configs") Config parent, @ForAll("configs") Config child) {
        IgnitionLaws.checkMergeKeysUnique(parent, child);
    }

    @Property(tries = 100)
    void transcript_mapsEveryResultNodeToAnExistingSource(
            @ForAll("configs") Config parent, @ForAll("configs") Config child) {
        IgnitionLaws.checkMergeTranscript(parent, child);
        assertThat(Merge.merge(parent, child).transcript().mappings()).isNotEmpty();
    }

    @Property(tries = 200)
    void merge_isAssociative(@ForAll("configs") Config a, @ForAll("configs") Config b, @ForAll("configs") Config c) {
        IgnitionLaws.checkMergeAssociative(a, b, c);
        boolean applies = IgnitionLaws.nodeKindsAgree(java.util.List.of(a, b, c));
        Statistics.label("node kinds agree").collect(applies);
        Statistics.label("node kinds agree").coverage(cov -> cov.check(true).percentage(p -> p > 20));
    }

    @Provide
    Arbitrary<Config> configs() {
        return IgnitionArbitraries.overlappingConfigs();
    }
}
