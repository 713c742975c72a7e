package dev.coreos4j.ostree.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.Variant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GVariantCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void stringArray_switchesToTwoByteOffsetsAt256() {
        byte[] small = GVariantCodec.encode("as", List.of("x".repeat(253)));
        assertThat(small).hasSize(255);
        assertThat(small[254]).isEqualTo((byte) 254);
        byte[] big = GVariantCodec.encode("as", List.of("x".repeat(254)));
        assertThat(big).hasSize(257);
        assertThat(HEX.formatHex(big, 255, 257)).isEqualTo("ff00");
        assertThat(GVariantCodec.decode("as", big)).isEqualTo(List.of("x".repeat(254)));
    }

    @Test
    void maybe_followsSpec() {
        assertThat(HEX.formatHex(GVariantCodec.encode("ms", Optional.of("ab")))).isEqualTo("61620000");
        assertThat(GVariantCodec.encode("mu", Optional.of(7))).hasSize(4);
        assertThat(HEX.formatHex(GVariantCodec.encode("may", Optional.of(new byte[0]))))
                .isEqualTo("00");
        assertThat(GVariantCodec.encode("ms", Optional.empty())).isEmpty();
    }

    @Test
    void fixedTuples_arePaddedToAlignment() {
        assertThat(GVariantCodec.encode("(uy)", List.of(1, (byte) 2))).hasSize(8);
        assertThat(GVariantCodec.encode("(ty)", List.of(1L, (byte) 2))).hasSize(16);
        assertThat(HEX.formatHex(GVariantCodec.encode("()", List.of()))).isEqualTo("00");
    }

    /**
     * The spec digest prints seven pad bytes here, but its own framing offsets (entry end 0x26 = 38) only add up
     * with six: an 18-byte key padded to the variant's 8-byte alignment.
     */
    @Test
    void dummySignatureMetadata_matchesOstreeBytes() {
        byte[] sig = "0123abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = GVariantCodec.encode(
                "a{sv}", List.of(List.of("ostree.sign.dummy", Variant.ofByteArrays(List.of(sig)))));
        assertThat(HEX.formatHex(bytes))
                .isEqualTo("6f73747265652e7369676e2e64756d6d7900" + "000000000000" + "3031323361626364" + "08"
                        + "00616179" + "12" + "26");
    }

    @Test
    void decode_rejectsNonZeroPadding() {
        byte[] ok = GVariantCodec.encode("a{sv}", List.of(List.of("k", Variant.ofString("v"))));
        byte[] bad = ok.clone();
        bad[2] = 1; // padding between key and variant
        assertThat(GVariantCodec.decode("a{sv}", ok)).isNotNull();
        assertThatThrownBy(() -> GVariantCodec.decode("a{sv}", bad)).isInstanceOf(GVariantException.class);
    }

    @Test
    void decode_rejectsTrailingBytesAndBadFraming() {
        assertThatThrownBy(() -> GVariantCodec.decode("(uu)", new byte[9])).isInstanceOf(GVariantException.class);
        assertThatThrownBy(() -> GVariantCodec.decode("as", HEX.parseHex("610009")))
                .isInstanceOf(GVariantException.class);
        assertThatThrownBy(() -> GVariantCodec.decode("s", HEX.parseHex("6161")))
                .isInstanceOf(GVariantException.class);
        assertThatThrownBy(() -> GVariantCodec.decode("s", HEX.parseHex("ff00")))
                .isInstanceOf(GVariantException.class);
        assertThatThrownBy(() -> GVariantCodec.decode("b", HEX.parseHex("02"))).isInstanceOf(GVariantException.class);
    }

    @Test
    void decode_rejectsNonMinimalOffsetWidth() {
        // "a" in an as with a 2-byte offset would need a total > 255 bytes; pad it artificially
        byte[] normal = GVariantCodec.encode("as", List.of("a"));
        assertThat(HEX.formatHex(normal)).isEqualTo("610002");
        assertThatThrownBy(() -> GVariantCodec.decode("as", HEX.parseHex("61000200")))
                .isInstanceOf(GVariantException.class);
    }

    @Test
    void variant_roundTripsNested() {
        Variant inner = Variant.of("(sa{sv})", List.of("x", List.of(List.of("k", Variant.ofBoolean(true)))));
        byte[] bytes = GVariantCodec.encode("v", inner);
        assertThat(GVariantCodec.decode("v", bytes)).isEqualTo(inner);
        assertThat(inner.toString()).isEqualTo("<('x', {'k': <true>})>");
    }

    @Test
    void offsetWidth_followsGLib() {
        assertThat(GVariantCodec.offsetWidth(254, 1)).isEqualTo(1);
        assertThat(GVariantCodec.offsetWidth(255, 1)).isEqualTo(2);
        assertThat(GVariantCodec.offsetWidth(65533, 1)).isEqualTo(2);
        assertThat(GVariantCodec.offsetWidth(65534, 1)).isEqualTo(4);
    }
}
