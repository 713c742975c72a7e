package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;
import static dev.coreos4j.ignition.internal.rules.Validation.isTrue;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.GoStrings;
import dev.coreos4j.ignition.internal.constraints.NodePathValidator;
import dev.coreos4j.problem.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A filesystem, on a block device or (3.7.0-experimental) virtiofs (coreos/ignition
 * config/v3_4/types/filesystem.go), and Storage.Validate's filesystem-over-disk warnings (storage.go).
 */
final class FilesystemRules {
    private static final Map<String, Integer> LABEL_LIMITS =
            Map.of("ext4", 16, "btrfs", 256, "xfs", 12, "swap", 15, "vfat", 11);

    private FilesystemRules() {}

    /** A filesystem on a disk that is partitioned or whose table is wiped (storage.go). */
    static void diskWarnings(Validation v, Config.Storage s) {
        for (int i = 0; i < s.filesystems().size(); i++) {
            Config.Filesystem fs = s.filesystems().get(i);
            JsonPath device = StorageRules.BASE.child("filesystems").index(i).child("device");
            for (Config.Disk d : s.disks()) {
                if (!d.device().equals(fs.device())) {
                    continue;
                }
                if (!d.partitions().isEmpty()) {
                    v.report(device, FilesystemRule.FILESYSTEM_ON_PARTITIONED_DISK);
                } else if (isTrue(d.wipeTable()) && !isTrue(fs.wipeFilesystem())) {
                    v.report(device, FilesystemRule.FILESYSTEM_ON_WIPED_DISK);
                }
                break;
            }
        }
    }

    static void check(Validation v, JsonPath p, Config.Filesystem fs) {
        boolean virtiofs = "virtiofs".equals(fs.format()) && v.version() == SpecVersion.V3_7_0_EXPERIMENTAL;
        v.field(p.child("path"));
        if (virtiofs) {
            if (fs.device().isEmpty()) {
                v.report(p.child("device"), FilesystemRule.DEVICE_NOT_SPECIFIED);
            } else if (GoStrings.byteLength(fs.device()) > 36) {
                v.report(p.child("device"), FilesystemRule.VIRTIOFS_TAG_TOO_LONG);
            }
        } else {
            v.report(p.child("device"), NodePathValidator.finding(fs.device()));
        }
        String format = fs.format();
        if (format == null || format.isEmpty()) {
            if ((fs.path() != null && !fs.path().isEmpty())
                    || !empty(fs.label())
                    || !empty(fs.uuid())
                    || isTrue(fs.wipeFilesystem())
                    || !fs.options().isEmpty()
                    || !fs.mountOptions().isEmpty()) {
                v.report(p.child("format"), FilesystemRule.FILESYSTEM_FORMAT_REQUIRED);
            }
        } else if (!formats(v).contains(format)) {
            v.report(p.child("format"), FilesystemRule.INVALID_FILESYSTEM_FORMAT);
        }
        String label = fs.label();
        if (label != null && !label.isEmpty()) { // validateLabel: NilOrEmpty passes (filesystem.go)
            if (format == null || format.isEmpty()) {
                v.report(p.child("label"), FilesystemRule.FILESYSTEM_LABEL_WITHOUT_FORMAT);
            } else if (virtiofs) {
                v.report(p.child("label"), FilesystemRule.VIRTIOFS_LABEL);
            } else {
                Integer max = LABEL_LIMITS.get(format);
                if (max != null && GoStrings.byteLength(label) > max) {
                    v.report(p.child("label"), FilesystemRule.FILESYSTEM_LABEL_TOO_LONG, max, format);
                }
            }
        }
        if (virtiofs) {
            if (!empty(fs.uuid())) {
                v.report(p.child("uuid"), FilesystemRule.VIRTIOFS_UUID);
            }
            if (isTrue(fs.wipeFilesystem())) {
                v.report(p.child("wipeFilesystem"), FilesystemRule.VIRTIOFS_WIPE);
            }
            if (!fs.options().isEmpty()) {
                v.report(p.child("options"), FilesystemRule.VIRTIOFS_OPTIONS);
            }
        }
    }

    private static Set<String> formats(Validation v) {
        Set<String> f = new HashSet<>(List.of("ext4", "btrfs", "xfs", "swap", "vfat"));
        if (v.atLeast(SpecVersion.V3_3_0)) {
            f.add("none");
        }
        if (v.version() == SpecVersion.V3_7_0_EXPERIMENTAL) {
            f.add("virtiofs");
        }
        return f;
    }
}
