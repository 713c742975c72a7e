package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.ObjectType;
import dev.coreos4j.ostree.Variant;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ed25519 commit signatures exactly as {@code ostree sign}: a pure Ed25519 signature over the stored commit bytes,
 * kept in the commit's detached metadata under {@code ostree.sign.ed25519} as an {@code aay} (one 64-byte signature
 * per signing; signing again appends). Keys are base64 as ostree takes them: a secret key is 64 bytes (libsodium's
 * seed ‖ public) or a bare 32-byte seed, a public key 32 bytes. Uses the JDK's built-in Ed25519.
 */
public final class Ed25519 {

    /** The detached-metadata key. */
    public static final String METADATA_KEY = "ostree.sign.ed25519";

    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {}

    /** The outcome of a verification. */
    public sealed interface Verification permits Verification.Valid, Verification.Invalid {
        /** Whether a signature verified. */
        default boolean valid() {
            return this instanceof Valid;
        }

        /**
         * A signature verified.
         *
         * @param publicKey the base64 public key it verified under
         */
        record Valid(String publicKey) implements Verification {}

        /**
         * No signature verified.
         *
         * @param reason why, for people (no signatures, or none matches any given key)
         */
        record Invalid(String reason) implements Verification {}
    }

    /**
     * The 32-byte seed of a base64 secret key.
     *
     * @throws IllegalArgumentException when it is not base64 of 32 or 64 bytes, or the public half of a 64-byte key
     *     does not belong to its seed
     */
    public static byte[] secretSeed(String base64Secret) {
        byte[] raw = decode(base64Secret, "secret key");
        if (raw.length == 32) {
            return raw;
        }
        if (raw.length != 64) {
            throw new IllegalArgumentException(
                    "an ed25519 secret key is 64 bytes (or a 32-byte seed), got " + raw.length);
        }
        byte[] seed = Arrays.copyOf(raw, 32);
        if (!Arrays.equals(publicKeyOf(seed), Arrays.copyOfRange(raw, 32, 64))) {
            throw new IllegalArgumentException("the ed25519 secret key's public half does not match its seed");
        }
        return seed;
    }

    /** The 32-byte public key of a 32-byte seed. */
    public static byte[] publicKeyOf(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an ed25519 seed is 32 bytes, got " + seed.length);
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("Ed25519");
            gen.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            KeyPair pair = gen.generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519", e);
        }
    }

    /** The signature of {@code message} by {@code seed}. */
    public static byte[] sign(byte[] seed, byte[] message) {
        try {
            byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
            System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, 32);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code message} under the 32-byte {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != 32 || signature.length != 64) {
            return false;
        }
        try {
            byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, x509, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The detached metadata with one more signature appended under {@link #METADATA_KEY}. */
    public static Metadata withSignature(Metadata detached, byte[] signature) {
        List<byte[]> sigs = new ArrayList<>(signatures(detached));
        sigs.add(signature);
        return detached.with(METADATA_KEY, Variant.ofByteArrays(sigs));
    }

    /** The signatures stored in detached metadata (empty when none). */
    public static List<byte[]> signatures(Metadata detached) {
        Optional<Variant> v = detached.get(METADATA_KEY);
        if (v.isEmpty()) {
            return List.of();
        }
        if (!v.get().type().equals("aay")) {
            throw new IllegalArgumentException(
                    METADATA_KEY + " has type " + v.get().type() + ", expected aay");
        }
        return v.get().asByteArrays();
    }

    /**
     * Signs {@code commit} in {@code repo} with a base64 secret key, appending to its detached metadata.
     *
     * @return the new signature
     */
    public static byte[] signCommit(Repository repo, Checksum commit, String base64Secret) throws IOException {
        byte[] seed = secretSeed(base64Secret);
        byte[] bytes = repo.readMetadataBytes(ObjectType.COMMIT, commit);
        byte[] sig = sign(seed, bytes);
        Metadata detached = repo.readDetachedMetadata(commit).orElse(Metadata.EMPTY);
        try (Transaction tx = repo.begin()) {
            tx.writeDetachedMetadata(commit, withSignature(detached, sig));
            tx.commit();
        }
        return sig;
    }

    /**
     * Verifies {@code commit}: valid when any stored signature verifies under any of the base64 public keys.
     *
     * @throws IllegalArgumentException when a key is not base64 of 32 bytes
     */
    public static Verification verifyCommit(Repository repo, Checksum commit, List<String> base64PublicKeys)
            throws IOException {
        Objects.requireNonNull(base64PublicKeys, "base64PublicKeys");
        List<byte[]> keys = new ArrayList<>();
        for (String k : base64PublicKeys) {
            byte[] raw = decode(k, "public key");
            if (raw.length != 32) {
                throw new IllegalArgumentException("an ed25519 public key is 32 bytes, got " + raw.length);
            }
            keys.add(raw);
        }
        byte[] bytes = repo.readMetadataBytes(ObjectType.COMMIT, commit);
        List<byte[]> sigs = signatures(repo.readDetachedMetadata(commit).orElse(Metadata.EMPTY));
        if (sigs.isEmpty()) {
            return new Verification.Invalid("ed25519: commit " + commit + " has no signatures");
        }
        if (keys.isEmpty()) {
            return new Verification.Invalid("ed25519: no public keys given");
        }
        for (byte[] sig : sigs) {
            for (int i = 0; i < keys.size(); i++) {
                if (verify(keys.get(i), bytes, sig)) {
                    return new Verification.Valid(base64PublicKeys.get(i).strip());
                }
            }
        }
        return new Verification.Invalid("ed25519: no valid signatures found for commit " + commit + " (" + sigs.size()
                + " signature(s), " + keys.size() + " key(s))");
    }

    private static byte[] decode(String base64, String what) {
        Objects.requireNonNull(base64, what);
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ed25519 " + what + " is not valid base64");
        }
    }

    /** Hands the seed to the key generator, which derives the key pair from exactly these bytes. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
