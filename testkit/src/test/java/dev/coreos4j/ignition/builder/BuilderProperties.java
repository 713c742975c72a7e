package dev.coreos4j.ignition.builder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Builder round-trips: what a builder produces validates, writes, parses back equal, and decodes to the input. */
class BuilderProperties {

    @Property(tries = 200)
    void contents_inlineDecodesToInput(@ForAll @Size(max = 300) byte[] data) throws IOException {
        Config.Resource r = Contents.inline(data);
        assertThat(decode(r)).isEqualTo(data);
        assertThat(r.compression()).isIn("", "gzip");
        String other = r.source().startsWith("data:,")
                ? "data:;base64," + Base64.getEncoder().encodeToString(data)
                : "data:," + Contents.percentEncode(data);
        assertThat(r.source().length()).isLessThanOrEqualTo(other.length());
        assertThat(FileBuilder.at("/f").contents(data).build().contents()).isEqualTo(r); // Ignition accepts it
    }

    @Property(tries = 100)
    void fileBuilder_roundTripsThroughEveryStableVersion(
            @ForAll @StringLength(min = 1, max = 12) String name,
            @ForAll @StringLength(max = 200) String text,
            @ForAll @IntRange(min = 0, max = 0777) int mode) {
        String path = "/srv/" + Integer.toHexString(name.hashCode());
        Config config = ConfigBuilder.create()
                .file(FileBuilder.at(path).contents(text).mode(Integer.toOctalString(mode)))
                .user(UserBuilder.named("u" + Integer.toHexString(name.hashCode()))
                        .sshKey("ssh-ed25519 K"))
                .build();
        assertThat(Ignition.validate(config).isValid()).isTrue();
        for (SpecVersion v : SpecVersion.stable()) {
            Config back = Ignition.parse(Ignition.write(config, v)).configOrThrow();
            assertThat(back.withVersion(config.ignition().version())).isEqualTo(config);
        }
    }

    private static byte[] decode(Config.Resource r) throws IOException {
        String s = r.source();
        byte[] raw;
        if (s.startsWith("data:;base64,")) {
            raw = Base64.getDecoder().decode(s.substring("data:;base64,".length()));
        } else {
            raw = dev.coreos4j.ignition.merge.ResolverAccess.decodeDataUrl(s);
        }
        if ("gzip".equals(r.compression())) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }
}
