package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.SpecVersion;
import java.util.Map;

/**
 * The one table of model fields that appeared after spec 3.0.0, keyed {@code "Type.field"} with the simple name of
 * the {@code Config} record (or {@code Config} for the root). The decoder uses it to reject fields a document's
 * version lacks, the schema generator to leave them out of older versions' schemas.
 */
public final class FieldVersions {

    /** {@code "Type.field"} to the first spec version that has the field; fields of 3.0.0 are absent. */
    public static final Map<String, SpecVersion> SINCE = Map.ofEntries(
            Map.entry("Ignition.proxy", SpecVersion.V3_1_0),
            Map.entry("Resource.httpHeaders", SpecVersion.V3_1_0),
            Map.entry("Resource.compression", SpecVersion.V3_1_0),
            Map.entry("Filesystem.mountOptions", SpecVersion.V3_1_0),
            Map.entry("Storage.luks", SpecVersion.V3_2_0),
            Map.entry("Partition.resize", SpecVersion.V3_2_0),
            Map.entry("PasswdUser.shouldExist", SpecVersion.V3_2_0),
            Map.entry("PasswdGroup.shouldExist", SpecVersion.V3_2_0),
            Map.entry("Config.kernelArguments", SpecVersion.V3_3_0),
            Map.entry("Tang.advertisement", SpecVersion.V3_4_0),
            Map.entry("Luks.discard", SpecVersion.V3_4_0),
            Map.entry("Luks.openOptions", SpecVersion.V3_4_0),
            Map.entry("Luks.cex", SpecVersion.V3_5_0));

    private FieldVersions() {}
}
