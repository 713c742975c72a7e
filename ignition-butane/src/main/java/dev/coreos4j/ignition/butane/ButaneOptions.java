package dev.coreos4j.ignition.butane;

import org.jspecify.annotations.Nullable;

/**
 * How {@link Butane#translate(byte[], ButaneOptions)} translates; Butane's command-line flags.
 *
 * @param filesDir                  where local files are read from ({@code --files-dir}); null: none, and any
 *                                  {@code local}-style field is an error
 * @param strict                    fail on warnings too ({@code --strict})
 * @param pretty                    indented JSON output ({@code --pretty}); MachineConfig YAML is unaffected
 * @param raw                       for the {@code openshift} variant, output the bare Ignition config instead of a
 *                                  MachineConfig ({@code --raw})
 * @param machineConfigJson         for the {@code openshift} variant, output the MachineConfig as JSON instead of
 *                                  YAML (an extension: upstream writes YAML only)
 * @param noResourceAutoCompression never gzip inline or local contents (Butane's
 *                                  {@code NoResourceAutoCompression})
 */
public record ButaneOptions(
        @Nullable FilesDir filesDir,
        boolean strict,
        boolean pretty,
        boolean raw,
        boolean machineConfigJson,
        boolean noResourceAutoCompression) {

    /** No files directory, not strict, compact output. */
    public static final ButaneOptions DEFAULT = new ButaneOptions(null, false, false, false, false, false);

    /** A copy reading local files from {@code dir} (null: none). */
    public ButaneOptions withFilesDir(@Nullable FilesDir dir) {
        return new ButaneOptions(dir, strict, pretty, raw, machineConfigJson, noResourceAutoCompression);
    }

    /** A copy with {@code strict} set. */
    public ButaneOptions withStrict(boolean value) {
        return new ButaneOptions(filesDir, value, pretty, raw, machineConfigJson, noResourceAutoCompression);
    }

    /** A copy with {@code pretty} set. */
    public ButaneOptions withPretty(boolean value) {
        return new ButaneOptions(filesDir, strict, value, raw, machineConfigJson, noResourceAutoCompression);
    }

    /** A copy with {@code raw} set. */
    public ButaneOptions withRaw(boolean value) {
        return new ButaneOptions(filesDir, strict, pretty, value, machineConfigJson, noResourceAutoCompression);
    }

    /** A copy with {@code machineConfigJson} set. */
    public ButaneOptions withMachineConfigJson(boolean value) {
        return new ButaneOptions(filesDir, strict, pretty, raw, value, noResourceAutoCompression);
    }

    /** A copy with {@code noResourceAutoCompression} set. */
    public ButaneOptions withNoResourceAutoCompression(boolean value) {
        return new ButaneOptions(filesDir, strict, pretty, raw, machineConfigJson, value);
    }
}
