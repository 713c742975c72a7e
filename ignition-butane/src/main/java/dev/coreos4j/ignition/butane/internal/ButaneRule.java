package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.problem.Rule;
import dev.coreos4j.problem.Severity;
import java.util.Locale;

/**
 * Every rule a Butane translation checks, with its stable code, severity and Butane's message (coreos/butane
 * {@code config/common/errors.go} and the checks around it): the one place a Butane problem's code comes from.
 * Problems of the generated Ignition config keep the code of the Ignition rule that found them.
 *
 * <p>A message with {@code %s} is a {@link String#format} template filled by {@link #message(Object...)}.
 */
public enum ButaneRule implements Rule {
    // reading the document: YAML, variant and version, types, keys
    YAML_SYNTAX("yaml-syntax", Severity.ERROR, "%s"),
    YAML_TYPE("yaml-type", Severity.ERROR, "%s"),
    UNUSED_KEY("unused-key", Severity.WARNING, "unused key %s"),
    NO_VARIANT("no-variant", Severity.ERROR, "error parsing variant; must be specified"),
    INVALID_VERSION("invalid-version", Severity.ERROR, "error parsing version; must be a valid semver"),
    UNKNOWN_VERSION("unknown-version", Severity.ERROR, "No translator exists for variant %s with version %s"),
    RHCOS_VARIANT_UNSUPPORTED(
            "rhcos-variant-unsupported",
            Severity.ERROR,
            "rhcos variant has been removed; use openshift variant instead: "
                    + "https://coreos.github.io/butane/upgrading-openshift/"),
    TOO_MANY_RESOURCE_SOURCES(
            "too-many-resource-sources", Severity.ERROR, "only one of the following can be set: inline, local, source"),
    FILES_DIR_ESCAPE("files-dir-escape", Severity.ERROR, "local file path traverses outside the files directory"),
    FILE_TYPE("file-type", Severity.ERROR, "trees may only contain files, directories, and symlinks"),
    NODE_EXISTS("node-exists", Severity.ERROR, "matching filesystem node has existing contents or different type"),
    NO_FILES_DIR(
            "no-files-dir",
            Severity.ERROR,
            "local file paths are relative to a files directory that must be specified with -d/--files-dir"),
    TREE_NOT_DIRECTORY("tree-not-directory", Severity.ERROR, "root of tree must be a directory"),
    TREE_NO_LOCAL("tree-no-local", Severity.ERROR, "local is required"),
    DECIMAL_MODE(
            "decimal-mode",
            Severity.WARNING,
            "unreasonable mode would be reasonable if specified in octal; remember to add a leading zero"),
    TOO_MANY_SYSTEMD_SOURCES(
            "too-many-systemd-sources",
            Severity.ERROR,
            "only one of the following can be set: contents, contents_local"),
    MOUNT_UNIT_NO_PATH(
            "mount-unit-no-path", Severity.ERROR, "path is required if with_mount_unit is true and format is not swap"),
    MOUNT_UNIT_NO_FORMAT("mount-unit-no-format", Severity.ERROR, "format is required if with_mount_unit is true"),
    MOUNT_POINT_FORBIDDEN(
            "mount-point-forbidden", Severity.ERROR, "path must be under /etc or /var if with_mount_unit is true"),
    UNKNOWN_BOOT_DEVICE_LAYOUT(
            "unknown-boot-device-layout",
            Severity.ERROR,
            "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64"),
    UNKNOWN_BOOT_DEVICE_LAYOUT_LEGACY(
            "unknown-boot-device-layout-legacy", Severity.ERROR, "layout must be one of: aarch64, ppc64le, x86_64"),
    TOO_FEW_MIRROR_DEVICES("too-few-mirror-devices", Severity.ERROR, "mirroring requires at least two devices"),
    MIRROR_REQUIRES_LAYOUT(
            "mirror-requires-layout",
            Severity.ERROR,
            "boot_device.layout should be specified when boot_device.mirror is specified"),
    /** {@link #MIRROR_REQUIRES_LAYOUT} as a warning, in fcos variants before 1.6.0. */
    MIRROR_REQUIRES_LAYOUT_WARNING(
            "mirror-requires-layout",
            Severity.WARNING,
            "boot_device.layout should be specified when boot_device.mirror is specified"),
    NO_LUKS_BOOT_DEVICE(
            "no-luks-boot-device", Severity.ERROR, "device is required for layouts: s390x-eckd, s390x-zfcp"),
    MIRROR_NOT_SUPPORT(
            "mirror-not-support",
            Severity.ERROR,
            "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt"),
    LUKS_BOOT_DEVICE_BAD_NAME(
            "luks-boot-device-bad-name",
            Severity.ERROR,
            "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp " + "layout"),
    CEX_ARCHITECTURE_MISMATCH(
            "cex-architecture-mismatch", Severity.ERROR, "when using cex the targeted architecture must match s390x"),
    CEX_WITH_CLEVIS("cex-with-clevis", Severity.ERROR, "cannot use cex with clevis"),
    NO_LUKS_METHOD_SPECIFIED("no-luks-method-specified", Severity.ERROR, "no method specified for luks"),
    REUSE_BY_LABEL(
            "reuse-by-label",
            Severity.WARNING,
            "partitions cannot be reused by label; number must be specified except on boot disk "
                    + "(/dev/disk/by-id/coreos-boot-disk) or when wipe_table is true"),
    WRONG_PARTITION_NUMBER(
            "wrong-partition-number",
            Severity.WARNING,
            "incorrect partition number; a new partition will be created using reserved label"),
    ROOT_TOO_SMALL("root-too-small", Severity.WARNING, "root should have 8GiB of space assigned"),
    ROOT_CONSTRAINED(
            "root-constrained",
            Severity.WARNING,
            "root partition cannot expand; it is set to fill available space but is followed by an "
                    + "auto-positioned partition"),
    FIELD_ELIDED("field-elided", Severity.WARNING, "field ignored in raw mode"),
    NAME_REQUIRED("name-required", Severity.ERROR, "metadata.name is required"),
    ROLE_REQUIRED("role-required", Severity.ERROR, "machineconfiguration.openshift.io/role label is required"),
    INVALID_KERNEL_TYPE("invalid-kernel-type", Severity.ERROR, "must be empty, \"default\", or \"realtime\""),
    BTRFS_SUPPORT("btrfs-support", Severity.ERROR, "btrfs is not supported in this spec version"),
    FILESYSTEM_NONE_SUPPORT(
            "filesystem-none-support", Severity.ERROR, "format \"none\" is not supported in this spec version"),
    FILE_SCHEME_SUPPORT(
            "file-scheme-support", Severity.ERROR, "file contents source must be data URL in this spec version"),
    FILE_APPEND_SUPPORT(
            "file-append-support", Severity.ERROR, "appending to files is not supported in this spec version"),
    FILE_COMPRESSION_SUPPORT(
            "file-compression-support", Severity.ERROR, "file compression is not supported in this spec version"),
    FILE_HEADER_SUPPORT(
            "file-header-support", Severity.ERROR, "file HTTP headers are not supported in this spec version"),
    FILE_SPECIAL_MODE_SUPPORT(
            "file-special-mode-support", Severity.ERROR, "special mode bits are not supported in this spec version"),
    GROUP_SUPPORT("group-support", Severity.ERROR, "groups are not supported in this spec version"),
    USER_FIELD_SUPPORT(
            "user-field-support",
            Severity.ERROR,
            "fields other than \"name\", \"ssh_authorized_keys\", and \"password_hash\" (4.13.0+) are not "
                    + "supported in this spec version"),
    USER_NAME_SUPPORT(
            "user-name-support", Severity.ERROR, "users other than \"core\" are not supported in this spec version"),
    KERNEL_ARGUMENT_SUPPORT(
            "kernel-argument-support",
            Severity.ERROR,
            "this section cannot be used for kernel arguments in this spec version; use "
                    + "openshift.kernel_arguments instead"),
    MISSING_KERNEL_ARGUMENT_CEX(
            "missing-kernel-argument-cex",
            Severity.ERROR,
            "'rd.luks.key=/etc/luks/cex.key' must be set as kernel argument when CEX is enabled "
                    + "for the boot device"),
    DIRECTORY_SUPPORT("directory-support", Severity.ERROR, "directories are not supported in this spec version"),
    LINK_SUPPORT("link-support", Severity.ERROR, "links are not supported in this spec version"),
    GRUB_USER_NAME_NOT_SPECIFIED("grub-user-name-not-specified", Severity.ERROR, "field \"name\" is required"),
    GRUB_PASSWORD_NOT_SPECIFIED("grub-password-not-specified", Severity.ERROR, "field \"password_hash\" is required"),
    UNKNOWN_IGNITION_VERSION(
            "unknown-ignition-version",
            Severity.WARNING,
            "skipping validation for the merge/replace ignition config due to an unkown version"),
    // local files and trees
    LOCAL_FILE_MISSING("local-file-missing", Severity.ERROR, "%s"),
    LOCAL_FILE_UNREADABLE("local-file-unreadable", Severity.ERROR, "%s"),
    // quadlets
    QUADLET_BAD_EXTENSION(
            "quadlet-bad-extension",
            Severity.ERROR,
            "unsupported file extension for quadlet: must "
                    + "be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact"),
    TEMPLATE_INSTANCE_CANNOT_HAVE_CONTENTS(
            "template-instance-cannot-have-contents",
            Severity.ERROR,
            "template instances cannot have contents or contents_local");

    private final String code;
    private final Severity severity;
    private final String text;

    ButaneRule(String code, Severity severity, String text) {
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

    /** The message, Butane's words; a template where it names a value. */
    public String text() {
        return text;
    }

    /** The message with {@code args} put into {@link #text()}; {@link #text()} itself when there are none. */
    public String message(Object... args) {
        return args.length == 0 ? text : String.format(Locale.ROOT, text, args);
    }
}
