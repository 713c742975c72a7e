package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.constraints.NodePathValidator;
import dev.coreos4j.problem.JsonPath;
import java.util.List;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/** A disk and its partitions taken together (coreos/ignition config/v3_4/types/disk.go). */
final class DiskRules {
    private DiskRules() {}

    static void check(Validation v, JsonPath p, Config.Disk d) {
        List<Config.Partition> parts = d.partitions();
        JsonPath partitions = p.child("partitions");
        if (d.device().isEmpty()) {
            // Ignition stops the disk-level checks here; each partition is still validated on its own
            v.report(p.child("device"), DiskRule.DISK_DEVICE_REQUIRED);
            for (int i = 0; i < parts.size(); i++) {
                PartitionRules.check(v, partitions.index(i), parts.get(i));
            }
            return;
        }
        v.report(p.child("device"), NodePathValidator.finding(d.device()));
        // Disk.Validate (disk.go) in statement order; each is reported once per disk, at the first partition that
        // repeats or overlaps.
        v.report(
                firstMatch(partitions, parts, (a, b) -> a.number() != 0 && a.number() == b.number()),
                Finding.of(DiskRule.PARTITION_NUMBERS_COLLIDE));
        v.report(
                firstMatch(partitions, parts, (a, b) -> explicit(a) && explicit(b) && overlap(a, b)),
                Finding.of(DiskRule.PARTITIONS_OVERLAP));
        boolean anyShouldNotExist = parts.stream().anyMatch(x -> Boolean.FALSE.equals(x.shouldExist()));
        boolean anyZero = parts.stream().anyMatch(x -> x.number() == 0);
        if (anyShouldNotExist && anyZero && v.version() != SpecVersion.V3_7_0_EXPERIMENTAL) {
            // removed from 3.7.0-experimental at upstream HEAD (the revision this library follows for it)
            v.report(partitions, DiskRule.PARTITION_SHOULD_NOT_EXIST_ZERO);
        }
        v.report(
                firstRepeat(
                        partitions,
                        parts,
                        (a, b) -> a.label() != null && a.label().equals(b.label())),
                Finding.of(DiskRule.PARTITION_LABELS_COLLIDE));
        for (int i = 0; i < parts.size(); i++) {
            PartitionRules.check(v, partitions.index(i), parts.get(i));
        }
    }

    /**
     * Ignition compares each partition, in order, with the ones after it and reports the later partition of the
     * first matching pair; null when no pair matches.
     */
    private static @Nullable JsonPath firstMatch(
            JsonPath partitions, List<Config.Partition> parts, BiPredicate<Config.Partition, Config.Partition> same) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                if (same.test(parts.get(j), parts.get(i))) {
                    return partitions.index(j);
                }
            }
        }
        return null;
    }

    /** Labels: Ignition reports the first partition that repeats an earlier one; null when none does. */
    private static @Nullable JsonPath firstRepeat(
            JsonPath partitions, List<Config.Partition> parts, BiPredicate<Config.Partition, Config.Partition> same) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (same.test(parts.get(i), parts.get(j))) {
                    return partitions.index(i);
                }
            }
        }
        return null;
    }

    private static boolean explicit(Config.Partition p) {
        return p.startMiB() != null && p.startMiB() != 0 && p.sizeMiB() != null;
    }

    private static boolean overlap(Config.Partition a, Config.Partition b) {
        long aStart = start(a);
        long aEnd = aStart + (size(a) == 0 ? 1 : size(a));
        long bStart = start(b);
        long bEnd = bStart + (size(b) == 0 ? 1 : size(b));
        return aStart < bEnd && bStart < aEnd;
    }

    /** Only called for {@link #explicit} partitions. */
    private static long start(Config.Partition p) {
        Long start = p.startMiB();
        return start == null ? 0 : start;
    }

    private static long size(Config.Partition p) {
        Long size = p.sizeMiB();
        return size == null ? 0 : size;
    }
}
