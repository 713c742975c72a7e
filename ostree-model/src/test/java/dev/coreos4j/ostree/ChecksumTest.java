package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    @Test
    void sha256_matchesKnownDigest() {
        assertThat(Checksum.sha256("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void bytesRoundTrip() {
        Checksum c = Checksum.sha256(new byte[0]);
        assertThat(Checksum.fromBytes(c.toBytes())).isEqualTo(c);
    }

    @Test
    void constructor_rejectsUppercaseAndWrongLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> Checksum.of("AB".repeat(32)));
        assertThatIllegalArgumentException().isThrownBy(() -> Checksum.of("ab"));
    }
}
