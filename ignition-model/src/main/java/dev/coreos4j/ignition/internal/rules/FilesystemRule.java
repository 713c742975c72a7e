package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.problem.Severity;

/** The rules of a filesystem (block device or, in 3.7.0-experimental, virtiofs) (coreos/ignition config/v3_4/types/filesystem.go). */
public enum FilesystemRule implements IgnitionRule {
    FILESYSTEM_ON_PARTITIONED_DISK(
            "filesystem-on-partitioned-disk", Severity.WARNING, "filesystem overwrites partitioned device"),
    FILESYSTEM_ON_WIPED_DISK(
            "filesystem-on-wiped-disk",
            Severity.WARNING,
            "device matches disk with wipeTable enabled; filesystem will be wiped"),
    FILESYSTEM_FORMAT_REQUIRED(
            "filesystem-format-required",
            Severity.ERROR,
            "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified"),
    INVALID_FILESYSTEM_FORMAT("invalid-filesystem-format", Severity.ERROR, "invalid filesystem format"),
    FILESYSTEM_LABEL_WITHOUT_FORMAT(
            "filesystem-label-without-format", Severity.ERROR, "filesystem must specify format if label is specified"),
    FILESYSTEM_LABEL_TOO_LONG(
            "filesystem-label-too-long",
            Severity.ERROR,
            "filesystem labels cannot be longer than %s characters when using %s"),
    VIRTIOFS_LABEL("virtiofs-label", Severity.ERROR, "filesystem labels cannot be set when using virtiofs"),
    VIRTIOFS_TAG_TOO_LONG(
            "virtiofs-tag-too-long", Severity.ERROR, "virtiofs device tag cannot be longer than 36 bytes"),
    DEVICE_NOT_SPECIFIED("device-not-specified", Severity.ERROR, "device not specified"),
    VIRTIOFS_UUID("virtiofs-uuid", Severity.ERROR, "filesystem uuid cannot be set for non-block-device filesystems"),
    VIRTIOFS_WIPE("virtiofs-wipe", Severity.ERROR, "wipeFilesystem cannot be set for non-block-device filesystems"),
    VIRTIOFS_OPTIONS(
            "virtiofs-options",
            Severity.ERROR,
            "filesystem options (mkfs) cannot be set for non-block-device filesystems");

    private final String code;
    private final Severity severity;
    private final String text;

    FilesystemRule(String code, Severity severity, String text) {
        this.code = code;
        this.severity = severity;
        this.text = text;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String text() {
        return text;
    }
}
