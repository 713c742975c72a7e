package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Config.Luks} volume (spec 3.2.0+). Not thread-safe; {@link #build()} may be called repeatedly. */
public final class LuksBuilder {
    private final String name;
    private final String device;
    private @Nullable String label;
    private @Nullable String uuid;
    private @Nullable Boolean wipeVolume;
    private @Nullable Boolean discard;
    private Config.@Nullable Resource keyFile;
    private @Nullable Boolean tpm2;
    private @Nullable Long threshold;
    private @Nullable Boolean cex;
    private Config.@Nullable ClevisCustom custom;
    private final List<Config.Tang> tang = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private final List<String> openOptions = new ArrayList<>();

    private LuksBuilder(String name, String device) {
        this.name = name;
        this.device = device;
    }

    /** A volume opened as {@code /dev/mapper/name} on {@code device} (absolute). */
    public static LuksBuilder of(String name, String device) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        return new LuksBuilder(name, device);
    }

    /** Sets the LUKS volume's {@code label}. */
    public LuksBuilder label(String label) {
        this.label = label;
        return this;
    }

    /** Sets the LUKS volume's {@code uuid}. */
    public LuksBuilder uuid(String uuid) {
        this.uuid = uuid;
        return this;
    }

    /** Sets the LUKS volume's {@code wipeVolume}. */
    public LuksBuilder wipeVolume(boolean value) {
        this.wipeVolume = value;
        return this;
    }

    /** Allow discards (spec 3.4.0+). */
    public LuksBuilder discard(boolean value) {
        this.discard = value;
        return this;
    }

    /** A key file resource (absent = an ephemeral random key). */
    public LuksBuilder keyFile(Config.Resource keyFile) {
        this.keyFile = keyFile;
        return this;
    }

    /** Binds the volume to the TPM2 via Clevis. */
    public LuksBuilder tpm2(boolean value) {
        this.tpm2 = value;
        return this;
    }

    /** Adds a Tang server binding. */
    public LuksBuilder tang(String url, String thumbprint) {
        tang.add(new Config.Tang(null, thumbprint, url));
        return this;
    }

    /** How many Clevis pins must succeed. */
    public LuksBuilder threshold(long threshold) {
        this.threshold = threshold;
        return this;
    }

    /** A custom Clevis pin (exclusive with tang/tpm2/threshold). */
    public LuksBuilder customPin(String pin, String config, Boolean needsNetwork) {
        this.custom = new Config.ClevisCustom(config, needsNetwork, pin);
        return this;
    }

    /** Use an IBM Crypto Express secure key (spec 3.5.0+). */
    public LuksBuilder cex(boolean enabled) {
        this.cex = enabled;
        return this;
    }

    /** Adds a {@code cryptsetup luksFormat} option. */
    public LuksBuilder option(String option) {
        options.add(option);
        return this;
    }

    /** Adds a {@code cryptsetup luksOpen} option (spec 3.4.0+). */
    public LuksBuilder openOption(String option) {
        openOptions.add(option);
        return this;
    }

    /** The volume, validated. @throws dev.coreos4j.ignition.IgnitionException when it is invalid */
    public Config.Luks build() {
        Config.Luks l = new Config.Luks(
                new Config.Cex(cex),
                new Config.Clevis(custom, tang, threshold, tpm2),
                device,
                discard,
                keyFile,
                label,
                name,
                openOptions,
                options,
                uuid,
                wipeVolume);
        Checks.part("luks " + name, Checks.storage(new Config.Storage(null, null, null, null, null, List.of(l), null)));
        return l;
    }
}
