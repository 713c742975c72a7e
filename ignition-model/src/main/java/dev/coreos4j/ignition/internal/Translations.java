package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The chain of one-step up-translations Ignition applies to older configs (3.0→3.1→…→3.6→3.7-experimental).
 * Because the model already has the newest shape, the decoder produces each version's Go semantics directly
 * (absent non-pointer strings as {@code ""}, as Ignition's 3.0→3.1 and 3.2→3.3 translators turn them into pointers
 * to {@code ""}); the steps here therefore carry only the remaining semantic deltas and the version bump.
 */
public final class Translations {
    private Translations() {}

    /** Step from version {@code i} to {@code i + 1} of {@link SpecVersion#values()} (declaration order). */
    private static final List<UnaryOperator<Config>> STEPS = List.of(
            c -> c, // 3.0 -> 3.1: resource types unified (done while decoding)
            c -> c, // 3.1 -> 3.2: new optional fields start absent
            c -> c, // 3.2 -> 3.3: non-pointer strings become pointers (decoder)
            c -> c, // 3.3 -> 3.4: new optional fields start absent
            c -> c, // 3.4 -> 3.5: cex starts absent
            Translations::maskSpecialBits, // 3.5 -> 3.6: setuid/setgid/sticky were ignored before 3.6
            c -> c); // 3.6 -> 3.7-experimental: version bump only

    /**
     * Translates a config decoded from a {@code from} document to the model version: 3.6.0, or 3.7.0-experimental
     * when {@code from} is that version.
     */
    public static Config upgrade(Config c, SpecVersion from) {
        SpecVersion target = from == SpecVersion.V3_7_0_EXPERIMENTAL ? from : SpecVersion.V3_6_0;
        return steps(c, from, target).withVersion(target.toString());
    }

    /**
     * Applies the up-translation steps from {@code from} to {@code to} (no step when {@code to} is not newer): the
     * 3.1-3.5 steps copy every value, mode bits included; only 3.5→3.6 masks setuid/setgid/sticky.
     */
    public static Config between(Config c, SpecVersion from, SpecVersion to) {
        return steps(c, from, to).withVersion(to.toString());
    }

    /** The steps out of every version from {@code from} (inclusive) up to {@code to} (exclusive), in order. */
    private static Config steps(Config c, SpecVersion from, SpecVersion to) {
        Config out = c;
        SpecVersion[] versions = SpecVersion.values();
        for (int i = 0; i < versions.length - 1; i++) {
            if (versions[i].compareTo(from) >= 0 && versions[i].compareTo(to) < 0) {
                out = STEPS.get(i).apply(out);
            }
        }
        return out;
    }

    /** Clears bits 07000 of every file and directory mode, as Ignition's 3.5→3.6 translator does. */
    static Config maskSpecialBits(Config c) {
        Config.Storage s = c.storage();
        boolean any = s.files().stream().anyMatch(f -> special(f.mode()))
                || s.directories().stream().anyMatch(d -> special(d.mode()));
        if (!any) {
            return c;
        }
        List<Config.File> files = s.files().stream()
                .map(f -> special(f.mode())
                        ? new Config.File(
                                f.group(),
                                f.overwrite(),
                                f.path(),
                                f.user(),
                                f.append(),
                                f.contents(),
                                withoutSpecialBits(f.mode()))
                        : f)
                .toList();
        List<Config.Directory> dirs = s.directories().stream()
                .map(d -> special(d.mode())
                        ? new Config.Directory(
                                d.group(), d.overwrite(), d.path(), d.user(), withoutSpecialBits(d.mode()))
                        : d)
                .toList();
        Config.Storage storage =
                new Config.Storage(dirs, s.disks(), files, s.filesystems(), s.links(), s.luks(), s.raid());
        return new Config(c.ignition(), c.kernelArguments(), c.passwd(), storage, c.systemd());
    }

    private static boolean special(@Nullable Long mode) {
        return mode != null && (mode & 07000) != 0;
    }

    private static @Nullable Long withoutSpecialBits(@Nullable Long mode) {
        return mode == null ? null : mode & ~07000L;
    }
}
