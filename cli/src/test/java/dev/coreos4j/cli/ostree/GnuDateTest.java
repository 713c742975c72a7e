package dev.coreos4j.cli.ostree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The date forms of {@code ostree commit --timestamp} and {@code prune --keep-younger-than}, against GNU {@code date -d}. */
class GnuDateTest {

    /** {@code TZ=UTC date -d TEXT +%s} at 1796349601 (the values were taken from coreutils 9.1). */
    private static final long NOW = 1796349601L;

    private static long parse(String text) {
        return GnuDate.parse(text, NOW, ZoneOffset.UTC);
    }

    @Test
    void formsDateAccepts_giveDatesSeconds() {
        assertThat(parse("2005-10-29 12:43:29 +0000")).isEqualTo(1130589809L);
        assertThat(parse("October 25 1985")).isEqualTo(499046400L);
        assertThat(parse("1 week ago")).isEqualTo(NOW - 7 * 86400);
        assertThat(parse("November 05 1955")).isEqualTo(-446774400L);
        assertThat(parse("October 21 2015")).isEqualTo(1445385600L);
        assertThat(parse("@1234567890")).isEqualTo(1234567890L);
        assertThat(parse("2024-01-01T00:00:00Z")).isEqualTo(1704067200L);
        assertThat(parse("2024-01-01")).isEqualTo(1704067200L);
        assertThat(parse("Oct 5 1985 10:00")).isEqualTo(497354400L);
        assertThat(parse("5 October 1985")).isEqualTo(497318400L);
        assertThat(parse("October 5, 1985")).isEqualTo(497318400L);
        assertThat(parse("2024-01-01 10:00")).isEqualTo(1704103200L);
        assertThat(parse("1985-10-05T01:02:03+02:00")).isEqualTo(497314923L);
        assertThat(parse("yesterday")).isEqualTo(NOW - 86400);
        assertThat(parse("now")).isEqualTo(NOW);
    }

    @Test
    void garbage_isRefusedWithOstreesMessage() {
        assertThatThrownBy(() -> parse("garbage")).hasMessage("Could not parse 'garbage'");
        assertThatThrownBy(() -> parse("Octember 5 1985")).hasMessage("Could not parse 'Octember 5 1985'");
    }
}
