package dev.coreos4j.ignition.butane.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** base/util/file_test.go TestCheckForDecimalMode: the exact sets of modes flagged as written in decimal. */
class ModesTest {

    static final List<Long> BAD_DIR = List.of(
            500L, 550L, 555L, 700L, 750L, 755L, 770L, 775L, 777L, 1700L, 1750L, 1755L, 1770L, 1775L, 1777L, 2700L,
            2750L, 2755L, 2770L, 2775L, 2777L, 3700L, 3750L, 3755L, 3770L, 3775L, 3777L);
    static final List<Long> BAD_FILE = List.of(
            400L, 440L, 444L, 500L, 550L, 555L, 600L, 640L, 644L, 660L, 664L, 666L, 700L, 750L, 755L, 770L, 775L, 777L,
            2500L, 2550L, 2555L, 2700L, 2750L, 2755L, 2770L, 2775L, 4500L, 4550L, 4555L, 4700L, 4750L, 4755L, 4770L,
            4775L, 6500L, 6550L, 6555L, 6700L, 6750L, 6755L, 6770L, 6775L);

    @Test
    void looksDecimal_flagsExactlyUpstreamsModes() {
        List<Long> dirs = new ArrayList<>();
        List<Long> files = new ArrayList<>();
        for (long i = -1; i <= 10000; i++) {
            if (Modes.looksDecimal(i, true)) {
                dirs.add(i);
            }
            if (Modes.looksDecimal(i, false)) {
                files.add(i);
            }
        }
        assertThat(dirs).isEqualTo(BAD_DIR);
        assertThat(files).isEqualTo(BAD_FILE);
    }
}
