package dev.coreos4j.ostree.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectVectorsTest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec digest's §6.1 test vector and the sign/verify round trip in a repository. */
public class Ed25519Test {

    /** Public for the repository tests, which reuse its vectors. */
    public Ed25519Test() {}

    public static final String SECRET =
            "XOPQqvwdzprd5JUk3igy8WDX890WJ+Qpx+mPPW2FKcdGOQbXcl2wVDSzMZ8xwtmpFKK/BcdUM1ycBPi92eequw==";
    static final String PUBLIC = "RjkG13JdsFQ0szGfMcLZqRSivwXHVDNcnAT4vdnnqrs=";

    @TempDir
    Path tmp;

    @Test
    void vector_seedGivesPublicKeyAndSignature() {
        byte[] seed = Ed25519.secretSeed(SECRET);
        assertThat(HexFormat.of().formatHex(seed)).startsWith("5ce3d0aa").endsWith("29c7");
        assertThat(Base64.getEncoder().encodeToString(Ed25519.publicKeyOf(seed)))
                .isEqualTo(PUBLIC);
        byte[] commit = HexFormat.of().parseHex(ObjectVectorsTest.COMMIT_A_HEX);
        byte[] sig = Ed25519.sign(seed, commit);
        assertThat(HexFormat.of().formatHex(sig)).startsWith("3d776311").endsWith("a40f");
        byte[] meta = Ed25519.withSignature(Metadata.EMPTY, sig).toBytes();
        assertThat(meta).hasSize(95);
        assertThat(HexFormat.of().formatHex(meta))
                .isEqualTo("6f73747265652e7369676e2e656432353531390000000000"
                        + HexFormat.of().formatHex(sig) + "40" + "00616179" + "14" + "5e");
        assertThat(Ed25519.verify(Base64.getDecoder().decode(PUBLIC), commit, sig))
                .isTrue();
        commit[0] ^= 1;
        assertThat(Ed25519.verify(Base64.getDecoder().decode(PUBLIC), commit, sig))
                .isFalse();
    }

    @Test
    void signCommit_thenVerify_andWrongKeyIsAnExplicitResult() throws Exception {
        Repository repo = Repository.init(tmp.resolve("repo"));
        Checksum c = repo.commit(
                        new MutableTree().putFile("a", 0644, "a".getBytes()),
                        CommitOptions.builder().branch("b").timestamp(0).build())
                .checksum();
        assertThat(Ed25519.verifyCommit(repo, c, List.of(PUBLIC))).isInstanceOf(Ed25519.Verification.Invalid.class);
        Ed25519.signCommit(repo, c, SECRET);
        assertThat(Ed25519.verifyCommit(repo, c, List.of(PUBLIC))).isEqualTo(new Ed25519.Verification.Valid(PUBLIC));
        String other = Base64.getEncoder().encodeToString(Ed25519.publicKeyOf(new byte[32]));
        Ed25519.Verification wrong = Ed25519.verifyCommit(repo, c, List.of(other));
        assertThat(wrong.valid()).isFalse();
        assertThat(((Ed25519.Verification.Invalid) wrong).reason()).contains("no valid signatures");
        Ed25519.signCommit(repo, c, Base64.getEncoder().encodeToString(new byte[32]));
        assertThat(Ed25519.signatures(repo.readDetachedMetadata(c).orElseThrow()))
                .hasSize(2);
        assertThat(Ed25519.verifyCommit(repo, c, List.of(other)).valid()).isTrue();
        assertThat(repo.fsck(FsckOptions.defaults()).ok()).isTrue();
    }

    @Test
    void secretSeed_rejectsBadKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ed25519.secretSeed("not base64!"));
        assertThatIllegalArgumentException().isThrownBy(() -> Ed25519.secretSeed("AAAA"));
        byte[] mismatched = Base64.getDecoder().decode(SECRET);
        mismatched[40] ^= 1;
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ed25519.secretSeed(Base64.getEncoder().encodeToString(mismatched)))
                .withMessageContaining("public half");
    }
}
