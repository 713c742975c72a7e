package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.Severity;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.internal.constraints.FieldChecks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ignition's semantic validation (the {@code Validate} methods of every type, then the duplicate-key walker) for one
 * spec version, with Ignition 2.26 semantics. Field-local rules come from the model's constraint
 * annotations ({@link FieldChecks}); everything that spans
 * fields or depends on the spec version is here. Entries carry JSON paths; positions are attached by the caller.
 */
public final class Rules {

    static final String SPECIAL_BITS =
            "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0";

    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        code("path not specified", "path-not-specified");
        code("path not absolute", "path-not-absolute");
        code("path is not fully simplified", "path-not-simplified");
        code("file path includes link in config", "file-under-link");
        code("directory path includes link in config", "directory-under-link");
        code("link path includes link in config", "link-under-link");
        code("path conflicts with systemd unit or dropin", "path-conflicts-systemd");
        code("illegal file mode", "illegal-file-mode");
        code(SPECIAL_BITS, "special-mode-bits");
        code("overwrite must be false if source is unspecified", "overwrite-without-source");
        code("cannot set both id and name", "both-id-and-name");
        code("link target is required", "link-target-required");
        code("hard link target is a directory", "hard-link-to-directory");
        code("user/group ignored for hard link", "hard-link-owner-ignored");
        code("invalid compression method", "invalid-compression");
        code("source must be specified if verification is specified", "verification-without-source");
        code("malformed hash specifier", "malformed-hash");
        code("unrecognized hash function", "unrecognized-hash-function");
        code("incorrect size for hash sum", "hash-size");
        code("unable to parse url", "unparsable-url");
        code("invalid url scheme", "invalid-url-scheme");
        code("invalid S3 object VersionId", "invalid-s3-version-id");
        code("invalid S3 ARN format", "invalid-s3-arn");
        code("cannot use HTTP headers with this source scheme", "http-headers-unsupported-scheme");
        code("HTTP header name can't be empty", "http-header-name-empty");
        code("unable to parse HTTP header", "http-header-value-empty");
        code("source is required", "source-required");
        code("proxies must be http(s)", "invalid-proxy");
        code("insecure plaintext HTTP proxy specified for HTTPS resources", "insecure-proxy");
        code("partition numbers collide", "partition-numbers-collide");
        code("cannot use the same partition label twice", "partition-labels-collide");
        code("partitions overlap", "partitions-overlap");
        code("shouldExist specified false with other options also specified", "partition-should-not-exist-options");
        code("a partition number >= 1 or a label must be specified", "partition-number-or-label");
        code("partition labels may not exceed 36 characters", "partition-label-too-long");
        code("partition label will be truncated to text before the colon", "partition-label-colon");
        code("doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"", "invalid-guid");
        code(
                "shouldExist is false for a partition and other partition(s) has start or size 0",
                "partition-should-not-exist-zero");
        code("filesystem overwrites partitioned device", "filesystem-on-partitioned-disk");
        code("device matches disk with wipeTable enabled; filesystem will be wiped", "filesystem-on-wiped-disk");
        code(
                "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified",
                "filesystem-format-required");
        code("invalid filesystem format", "invalid-filesystem-format");
        code("filesystem must specify format if label is specified", "filesystem-label-without-format");
        code("filesystem labels cannot be set when using virtiofs", "virtiofs-label");
        code("virtiofs device tag cannot be longer than 36 bytes", "virtiofs-tag-too-long");
        code("device not specified", "device-not-specified");
        code("filesystem uuid cannot be set for non-block-device filesystems", "virtiofs-uuid");
        code("wipeFilesystem cannot be set for non-block-device filesystems", "virtiofs-wipe");
        code("filesystem options (mkfs) cannot be set for non-block-device filesystems", "virtiofs-options");
        code("disk device is required", "disk-device-required");
        code("raid level is required", "raid-level-required");
        code("unrecognized raid level", "unrecognized-raid-level");
        code("spares unsupported for linear and raid0 arrays", "raid-spares-unsupported");
        code("raid devices required", "raid-devices-required");
        code("device names cannot contain slashes", "luks-name-slash");
        code("luks device labels cannot be longer than 47 characters", "luks-label-too-long");
        code("cannot use custom clevis config with tpm2, tang, or threshold", "clevis-custom-exclusive");
        code("missing required custom clevis pin", "clevis-pin-required");
        code("unsupported clevis pin", "clevis-pin-unsupported");
        code("missing required custom clevis config", "clevis-config-required");
        code("invalid key-file source", "invalid-key-file-source");
        code("cannot use cex with clevis", "cex-with-clevis");
        code("cannot use key file with cex", "cex-with-key-file");
        code("thumbprint is required", "tang-thumbprint-required");
        code("advertisement is not valid JSON", "tang-advertisement-invalid");
        code("invalid systemd unit extension", "invalid-unit-extension");
        code("invalid systemd drop-in extension", "invalid-dropin-extension");
        code("duplicate entry defined", "duplicate-entry");
    }

    private static void code(String message, String code) {
        CODES.put(message, code);
    }

    /** The stable code of an Ignition message. */
    public static String codeOf(String message) {
        String c = CODES.get(message);
        if (c != null) {
            return c;
        }
        if (message.startsWith("filesystem labels cannot be longer than")) {
            return "filesystem-label-too-long";
        }
        if (message.startsWith("invalid unit content")) {
            return "invalid-unit-content";
        }
        if (message.startsWith("unit \"")) {
            return "unit-enabled-without-install";
        }
        if (message.startsWith("template unit")) {
            return "template-without-install";
        }
        return "invalid-data-url";
    }

    private final SpecVersion version;
    private final FieldChecks bean;
    private final List<Report.Entry> out = new ArrayList<>();

    private Rules(SpecVersion version, FieldChecks bean) {
        this.version = version;
        this.bean = bean;
    }

    /** Validates {@code c} (decoded from a {@code version} document) and returns entries without positions. */
    public static List<Report.Entry> validate(Config c, SpecVersion version) {
        Rules r = new Rules(version, FieldChecks.of(c));
        r.config(c);
        r.duplicates(c);
        return r.out;
    }

    private boolean atLeast(SpecVersion v) {
        return version.compareTo(v) >= 0;
    }

    private void error(String path, String message) {
        if (message != null && path != null) {
            out.add(new Report.Entry(Severity.ERROR, path, codeOf(message), message, null, null));
        }
    }

    private void warn(String path, String message) {
        out.add(new Report.Entry(Severity.WARNING, path, codeOf(message), message, null, null));
    }

    private void bean(String path, String... priority) {
        error(path, bean.first(path, priority));
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static boolean isTrue(Boolean b) {
        return b != null && b;
    }

    // ------------------------------------------------------------------ walk

    private void config(Config c) {
        systemdConflicts(c);
        ignition(c.ignition());
        storage(c.storage());
        systemd(c.systemd());
    }

    private void systemdConflicts(Config c) {
        Set<String> paths = new HashSet<>();
        for (Config.Unit u : c.systemd().units()) {
            if (!empty(u.contents())) {
                paths.add("/etc/systemd/system/" + u.name());
            }
            for (Config.Dropin d : u.dropins()) {
                if (!empty(d.contents())) {
                    paths.add("/etc/systemd/system/" + u.name() + ".d/" + d.name());
                }
            }
        }
        if (paths.isEmpty()) {
            return;
        }
        Config.Storage s = c.storage();
        for (int i = 0; i < s.files().size(); i++) {
            if (paths.contains(s.files().get(i).path())) {
                error("$.storage.files." + i + ".path", "path conflicts with systemd unit or dropin");
            }
        }
        for (int i = 0; i < s.directories().size(); i++) {
            if (paths.contains(s.directories().get(i).path())) {
                error("$.storage.directories." + i + ".path", "path conflicts with systemd unit or dropin");
            }
        }
        for (int i = 0; i < s.links().size(); i++) {
            if (paths.contains(s.links().get(i).path())) {
                error("$.storage.links." + i + ".path", "path conflicts with systemd unit or dropin");
            }
        }
    }

    private void ignition(Config.Ignition ign) {
        String base = "$.ignition";
        List<Config.Resource> merge = ign.config().merge();
        if (atLeast(SpecVersion.V3_1_0)) {
            for (int i = 0; i < merge.size(); i++) {
                requiredSource(base + ".config.merge." + i, merge.get(i));
            }
        }
        for (int i = 0; i < merge.size(); i++) {
            // a 3.0.0 ConfigReference has no verification-without-source rule
            resource(base + ".config.merge." + i, merge.get(i), version == SpecVersion.V3_0_0);
        }
        resource(base + ".config.replace", ign.config().replace(), version == SpecVersion.V3_0_0);
        Config.Proxy proxy = ign.proxy();
        error(base + ".proxy.httpProxy", proxyError(proxy.httpProxy()));
        String httpsError = proxyError(proxy.httpsProxy());
        error(base + ".proxy.httpsProxy", httpsError);
        if (httpsError == null && proxy.httpsProxy() != null && "http".equals(Urls.scheme(proxy.httpsProxy()))) {
            warn(base + ".proxy.httpsProxy", "insecure plaintext HTTP proxy specified for HTTPS resources");
        }
        List<Config.Resource> cas = ign.security().tls().certificateAuthorities();
        if (atLeast(SpecVersion.V3_1_0)) {
            for (int i = 0; i < cas.size(); i++) {
                requiredSource(base + ".security.tls.certificateAuthorities." + i, cas.get(i));
            }
        }
        for (int i = 0; i < cas.size(); i++) {
            String p = base + ".security.tls.certificateAuthorities." + i;
            Config.Resource r = cas.get(i);
            if (atLeast(SpecVersion.V3_1_0)) {
                resource(p, r, false);
            } else {
                error(p + ".source", Urls.validate(r.source() == null ? "" : r.source(), version));
                resource(p, new Config.Resource(r.compression(), r.httpHeaders(), null, r.verification()), true);
            }
        }
    }

    /** Resource.validateRequiredSource (resource.go), called by the structs whose resources need a source. */
    private void requiredSource(String p, Config.Resource r) {
        if (empty(r.source())) {
            error(p, "source is required");
        } else {
            error(p, Urls.validate(r.source(), version));
        }
    }

    private static String proxyError(String proxy) {
        if (proxy == null) {
            return null;
        }
        Urls.Parsed u = Urls.parse(proxy);
        if (u == null) {
            return "unable to parse url";
        }
        return u.scheme().equals("http") || u.scheme().equals("https") ? null : "proxies must be http(s)";
    }

    /** Resource.Validate plus its children. {@code sourceChecked}: the source was validated by the caller. */
    private void resource(String p, Config.Resource r, boolean sourceChecked) {
        bean(p + ".compression");
        if (r.verification().hash() != null && r.source() == null && !sourceChecked) {
            error(p + ".verification.hash", "source must be specified if verification is specified");
        }
        if (!empty(r.source())) {
            error(p + ".source", Urls.validate(r.source(), version));
        }
        if (!r.httpHeaders().isEmpty()) {
            if (empty(r.source())) {
                error(p + ".httpHeaders", "unable to parse url");
            } else {
                String scheme = Urls.scheme(r.source());
                if (scheme == null) {
                    error(p + ".httpHeaders", "unable to parse url");
                } else if (!scheme.equals("http") && !scheme.equals("https")) {
                    error(p + ".httpHeaders", "cannot use HTTP headers with this source scheme");
                }
            }
        }
        for (int i = 0; i < r.httpHeaders().size(); i++) {
            bean(p + ".httpHeaders." + i + ".name");
            bean(p + ".httpHeaders." + i + ".value");
        }
        error(p + ".verification.hash", hashError(r.verification().hash()));
    }

    private String hashError(String hash) {
        if (hash == null) {
            return null;
        }
        int dash = hash.indexOf('-');
        if (dash < 0) {
            return "malformed hash specifier";
        }
        String function = hash.substring(0, dash);
        int expected;
        if (function.equals("sha512")) {
            expected = 128;
        } else if (function.equals("sha256") && atLeast(SpecVersion.V3_1_0)) {
            expected = 64;
        } else {
            return "unrecognized hash function";
        }
        return hash.getBytes(StandardCharsets.UTF_8).length - dash - 1 != expected
                ? "incorrect size for hash sum"
                : null;
    }

    // ------------------------------------------------------------------ storage

    /**
     * Storage.Validate (config/v3_N/types/storage.go: links over nodes, link rules, filesystem/disk warnings), then
     * vcontext's walk of the fields in declaration order: directories, disks, files, filesystems, links, luks, raid.
     */
    private void storage(Config.Storage s) {
        nodesUnderLinks(s);
        filesystemDiskWarnings(s);
        for (int i = 0; i < s.directories().size(); i++) {
            Config.Directory d = s.directories().get(i);
            String p = "$.storage.directories." + i;
            bean(p + ".path");
            mode(p, d.mode());
            owner(p, d.user(), d.group());
        }
        for (int i = 0; i < s.disks().size(); i++) {
            disk("$.storage.disks." + i, s.disks().get(i));
        }
        for (int i = 0; i < s.files().size(); i++) {
            Config.File f = s.files().get(i);
            String p = "$.storage.files." + i;
            bean(p + ".path");
            mode(p, f.mode());
            if (isTrue(f.overwrite()) && f.contents().source() == null) {
                error(p + ".overwrite", "overwrite must be false if source is unspecified");
            }
            owner(p, f.user(), f.group());
            for (int k = 0; k < f.append().size(); k++) {
                resource(p + ".append." + k, f.append().get(k), false);
            }
            resource(p + ".contents", f.contents(), false);
        }
        for (int i = 0; i < s.filesystems().size(); i++) {
            filesystem("$.storage.filesystems." + i, s.filesystems().get(i));
        }
        for (int i = 0; i < s.links().size(); i++) {
            Config.Link l = s.links().get(i);
            String p = "$.storage.links." + i;
            bean(p + ".path");
            owner(p, l.user(), l.group());
        }
        for (int i = 0; i < s.luks().size(); i++) {
            luks("$.storage.luks." + i, s.luks().get(i));
        }
        for (int i = 0; i < s.raid().size(); i++) {
            raid("$.storage.raid." + i, s.raid().get(i));
        }
    }

    /** Storage.validateDirectories, validateFiles and validateLinks (storage.go), in that order. */
    private void nodesUnderLinks(Config.Storage s) {
        List<String> links = s.links().stream().map(Config.Link::path).toList();
        for (int i = 0; i < s.directories().size(); i++) {
            for (int k = underLinks(s.directories().get(i).path(), links); k > 0; k--) {
                error("$.storage.directories." + i, "directory path includes link in config");
            }
        }
        for (int i = 0; i < s.files().size(); i++) {
            for (int k = underLinks(s.files().get(i).path(), links); k > 0; k--) {
                error("$.storage.files." + i, "file path includes link in config");
            }
        }
        for (int i = 0; i < s.links().size(); i++) {
            Config.Link l = s.links().get(i);
            String p = "$.storage.links." + i;
            for (int k = underLinks(l.path(), links); k > 0; k--) {
                error(p, "link path includes link in config");
            }
            if (atLeast(SpecVersion.V3_3_0) && empty(l.target())) {
                // 3.3.0+ (target became a pointer): required, and the hard-link rules are skipped
                error(p + ".target", "link target is required");
                continue;
            }
            if (!isTrue(l.hard())) {
                continue;
            }
            String raw = l.target() == null ? "" : l.target(); // 3.0-3.2: a plain string, "" when absent
            String target = GoStrings.clean(raw);
            if (!target.startsWith("/")) {
                target = GoStrings.join(l.path(), raw);
            }
            for (Config.Directory d : s.directories()) {
                if (target.equals(d.path())) {
                    error(p, "hard link target is a directory");
                }
            }
            if (l.user().id() != null) {
                warn(p + ".user.id", "user/group ignored for hard link");
            }
            if (l.user().name() != null) {
                warn(p + ".user.name", "user/group ignored for hard link");
            }
            if (l.group().id() != null) {
                warn(p + ".group.id", "user/group ignored for hard link");
            }
            if (l.group().name() != null) {
                warn(p + ".group.name", "user/group ignored for hard link");
            }
        }
    }

    /** How many configured links {@code path} lies under (Ignition reports each one). */
    private static int underLinks(String path, List<String> links) {
        int count = 0;
        for (String l : links) {
            if (path.startsWith(l + "/")) {
                count++;
            }
        }
        return count;
    }

    private void filesystemDiskWarnings(Config.Storage s) {
        for (int i = 0; i < s.filesystems().size(); i++) {
            Config.Filesystem fs = s.filesystems().get(i);
            for (Config.Disk d : s.disks()) {
                if (!d.device().equals(fs.device())) {
                    continue;
                }
                if (!d.partitions().isEmpty()) {
                    warn("$.storage.filesystems." + i + ".device", "filesystem overwrites partitioned device");
                } else if (isTrue(d.wipeTable()) && !isTrue(fs.wipeFilesystem())) {
                    warn(
                            "$.storage.filesystems." + i + ".device",
                            "device matches disk with wipeTable enabled; filesystem will be wiped");
                }
                break;
            }
        }
    }

    /** NodeGroup.Validate then NodeUser.Validate (node.go): Node's fields are group, overwrite, path, user. */
    private void owner(String p, Config.NodeUser user, Config.NodeGroup group) {
        if (group.id() != null && !empty(group.name())) {
            error(p + ".group", "cannot set both id and name");
        }
        if (user.id() != null && !empty(user.name())) {
            error(p + ".user", "cannot set both id and name");
        }
    }

    private void mode(String p, Long mode) {
        bean(p + ".mode");
        if (mode != null && (mode & 07000) != 0 && !atLeast(SpecVersion.V3_6_0)) {
            warn(p + ".mode", SPECIAL_BITS);
        }
    }

    private void disk(String p, Config.Disk d) {
        List<Config.Partition> parts = d.partitions();
        if (d.device().isEmpty()) {
            // Ignition stops the disk-level checks here; each partition is still validated on its own
            error(p + ".device", "disk device is required");
            for (int i = 0; i < parts.size(); i++) {
                partition(p + ".partitions." + i, parts.get(i));
            }
            return;
        }
        error(p + ".device", dev.coreos4j.ignition.internal.constraints.NodePathValidator.problem(d.device()));
        // Disk.Validate (disk.go) in statement order; each is reported once per disk, at the first partition that
        // repeats or overlaps.
        error(firstMatch(p, parts, (a, b) -> a.number() != 0 && a.number() == b.number()), "partition numbers collide");
        error(firstMatch(p, parts, (a, b) -> explicit(a) && explicit(b) && overlap(a, b)), "partitions overlap");
        boolean anyShouldNotExist = parts.stream().anyMatch(x -> Boolean.FALSE.equals(x.shouldExist()));
        boolean anyZero = parts.stream().anyMatch(x -> x.number() == 0);
        if (anyShouldNotExist && anyZero && version != SpecVersion.V3_7_0_EXPERIMENTAL) {
            // removed from 3.7.0-experimental at upstream HEAD (the revision this library follows for it)
            error(p + ".partitions", "shouldExist is false for a partition and other partition(s) has start or size 0");
        }
        error(
                firstRepeat(p, parts, (a, b) -> a.label() != null && a.label().equals(b.label())),
                "cannot use the same partition label twice");
        for (int i = 0; i < parts.size(); i++) {
            partition(p + ".partitions." + i, parts.get(i));
        }
    }

    /**
     * Ignition compares each partition, in order, with the ones after it and reports the later partition of the
     * first matching pair; null when no pair matches.
     */
    private static String firstMatch(
            String disk,
            List<Config.Partition> parts,
            java.util.function.BiPredicate<Config.Partition, Config.Partition> same) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                if (same.test(parts.get(j), parts.get(i))) {
                    return disk + ".partitions." + j;
                }
            }
        }
        return null;
    }

    /** Labels: Ignition reports the first partition that repeats an earlier one; null when none does. */
    private static String firstRepeat(
            String disk,
            List<Config.Partition> parts,
            java.util.function.BiPredicate<Config.Partition, Config.Partition> same) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (same.test(parts.get(i), parts.get(j))) {
                    return disk + ".partitions." + i;
                }
            }
        }
        return null;
    }

    private static boolean explicit(Config.Partition p) {
        return p.startMiB() != null && p.startMiB() != 0 && p.sizeMiB() != null;
    }

    private static boolean overlap(Config.Partition a, Config.Partition b) {
        long aStart = a.startMiB();
        long aEnd = aStart + (a.sizeMiB() == 0 ? 1 : a.sizeMiB());
        long bStart = b.startMiB();
        long bEnd = bStart + (b.sizeMiB() == 0 ? 1 : b.sizeMiB());
        return aStart < bEnd && bStart < aEnd;
    }

    private void partition(String p, Config.Partition part) {
        if (Boolean.FALSE.equals(part.shouldExist())
                && (part.label() != null
                        || !empty(part.typeGuid())
                        || !empty(part.guid())
                        || part.startMiB() != null
                        || part.sizeMiB() != null)) {
            error(p, "shouldExist specified false with other options also specified");
        }
        if (part.number() == 0 && part.label() == null) {
            error(p, "a partition number >= 1 or a label must be specified");
        }
        bean(
                p + ".label",
                "partition labels may not exceed 36 characters",
                "partition label will be truncated to text before the colon");
        bean(p + ".guid");
        bean(p + ".typeGuid");
    }

    private static final Map<String, Integer> LABEL_LIMITS =
            Map.of("ext4", 16, "btrfs", 256, "xfs", 12, "swap", 15, "vfat", 11);

    private void filesystem(String p, Config.Filesystem fs) {
        boolean virtiofs = "virtiofs".equals(fs.format()) && version == SpecVersion.V3_7_0_EXPERIMENTAL;
        bean(p + ".path");
        if (virtiofs) {
            if (fs.device().isEmpty()) {
                error(p + ".device", "device not specified");
            } else if (GoStrings.byteLength(fs.device()) > 36) {
                error(p + ".device", "virtiofs device tag cannot be longer than 36 bytes");
            }
        } else {
            error(p + ".device", dev.coreos4j.ignition.internal.constraints.NodePathValidator.problem(fs.device()));
        }
        if (empty(fs.format())) {
            if (fs.path() != null && !fs.path().isEmpty()
                    || !empty(fs.label())
                    || !empty(fs.uuid())
                    || isTrue(fs.wipeFilesystem())
                    || !fs.options().isEmpty()
                    || !fs.mountOptions().isEmpty()) {
                error(
                        p + ".format",
                        "format cannot be empty when path, label, uuid, wipeFilesystem, options, or "
                                + "mountOptions is specified");
            }
        } else if (!formats().contains(fs.format())) {
            error(p + ".format", "invalid filesystem format");
        }
        if (!empty(fs.label())) { // validateLabel: NilOrEmpty passes (filesystem.go)
            if (empty(fs.format())) {
                error(p + ".label", "filesystem must specify format if label is specified");
            } else if (virtiofs) {
                error(p + ".label", "filesystem labels cannot be set when using virtiofs");
            } else {
                Integer max = LABEL_LIMITS.get(fs.format());
                if (max != null && GoStrings.byteLength(fs.label()) > max) {
                    error(
                            p + ".label",
                            "filesystem labels cannot be longer than " + max + " characters when using " + fs.format());
                }
            }
        }
        if (virtiofs) {
            if (!empty(fs.uuid())) {
                error(p + ".uuid", "filesystem uuid cannot be set for non-block-device filesystems");
            }
            if (isTrue(fs.wipeFilesystem())) {
                error(p + ".wipeFilesystem", "wipeFilesystem cannot be set for non-block-device filesystems");
            }
            if (!fs.options().isEmpty()) {
                error(p + ".options", "filesystem options (mkfs) cannot be set for non-block-device filesystems");
            }
        }
    }

    private Set<String> formats() {
        Set<String> f = new HashSet<>(List.of("ext4", "btrfs", "xfs", "swap", "vfat"));
        if (atLeast(SpecVersion.V3_3_0)) {
            f.add("none");
        }
        if (version == SpecVersion.V3_7_0_EXPERIMENTAL) {
            f.add("virtiofs");
        }
        return f;
    }

    private void luks(String p, Config.Luks l) {
        bean(p + ".name");
        bean(p + ".label");
        if (empty(l.device())) {
            error(p + ".device", "disk device is required");
        } else {
            error(p + ".device", dev.coreos4j.ignition.internal.constraints.NodePathValidator.problem(l.device()));
        }
        Config.Clevis c = l.clevis();
        boolean others = !c.tang().isEmpty() || isTrue(c.tpm2()) || c.threshold() != null && c.threshold() != 0;
        boolean customPresent = version == SpecVersion.V3_2_0
                ? c.custom().pin() != null
                : !empty(c.custom().pin());
        if (customPresent && others) {
            error(p + ".clevis", "cannot use custom clevis config with tpm2, tang, or threshold");
        }
        if (!empty(l.keyFile().source()) && Urls.validate(l.keyFile().source(), version) != null) {
            error(p + ".keys", "invalid key-file source");
        }
        if (atLeast(SpecVersion.V3_5_0) && isTrue(l.cex().enabled())) {
            if (!empty(c.custom().pin())
                    || !c.tang().isEmpty()
                    || isTrue(c.tpm2())
                    || c.threshold() != null && c.threshold() != 0) {
                error(p + ".cex", "cannot use cex with clevis");
            }
            if (l.keyFile().source() != null) {
                error(p + ".cex", "cannot use key file with cex");
            }
        }
        clevis(p + ".clevis", c);
        resource(p + ".keyFile", l.keyFile(), false);
    }

    private void clevis(String p, Config.Clevis c) {
        Config.ClevisCustom custom = c.custom();
        String cp = p + ".custom";
        if (version == SpecVersion.V3_2_0) {
            if (!empty(custom.pin()) || !empty(custom.config())) {
                if (!Set.of("tpm2", "tang", "sss").contains(custom.pin() == null ? "" : custom.pin())) {
                    error(cp + ".pin", "unsupported clevis pin");
                }
                if (empty(custom.config())) {
                    error(cp + ".config", "missing required custom clevis config");
                }
            }
        } else if (!empty(custom.pin()) || !empty(custom.config()) || isTrue(custom.needsNetwork())) {
            if (empty(custom.pin())) {
                error(cp + ".pin", "missing required custom clevis pin");
            } else if (!atLeast(SpecVersion.V3_6_0)
                    && !Set.of("tpm2", "tang", "sss").contains(custom.pin())) {
                error(cp + ".pin", "unsupported clevis pin");
            }
            if (empty(custom.config())) {
                error(cp + ".config", "missing required custom clevis config");
            }
        }
        for (int i = 0; i < c.tang().size(); i++) {
            Config.Tang t = c.tang().get(i);
            String tp = p + ".tang." + i;
            Urls.Parsed u = Urls.parse(t.url());
            if (u == null) {
                error(tp + ".url", "unable to parse url");
            } else if (!u.scheme().equals("http") && !u.scheme().equals("https")) {
                error(tp + ".url", "invalid url scheme");
            }
            if (empty(t.thumbprint())) {
                error(tp + ".thumbprint", "thumbprint is required");
            }
            if (atLeast(SpecVersion.V3_4_0) && !empty(t.advertisement())) {
                try {
                    GoJson.parse(t.advertisement().getBytes(StandardCharsets.UTF_8));
                } catch (GoJson.SyntaxError e) {
                    error(tp + ".advertisement", "advertisement is not valid JSON");
                }
            }
        }
    }

    private static final Set<String> RAID_LEVELS = Set.of(
            "linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6",
            "raid10", "10");

    private void raid(String p, Config.Raid r) {
        String level = r.level();
        if (atLeast(SpecVersion.V3_3_0) && empty(level)) {
            error(p + ".level", "raid level is required");
        } else if (level == null || !RAID_LEVELS.contains(level)) {
            error(p + ".level", "unrecognized raid level");
        } else if (Set.of("linear", "raid0", "0", "stripe").contains(level) && r.spares() != null && r.spares() != 0) {
            error(p + ".level", "spares unsupported for linear and raid0 arrays");
        }
        if (r.devices().isEmpty()) {
            error(p + ".devices", "raid devices required");
        }
        for (int i = 0; i < r.devices().size(); i++) {
            bean(p + ".devices." + i);
        }
    }

    // ------------------------------------------------------------------ systemd

    /**
     * Systemd.Validate (systemd.go: the template-unit warnings of every unit), then each unit: Unit.Validate
     * (unit.go: name, contents, install section), then its drop-ins: Dropin.Validate (contents, then name).
     */
    private void systemd(Config.Systemd s) {
        Map<String, Config.Unit> byName = new HashMap<>();
        for (Config.Unit u : s.units()) {
            byName.put(u.name(), u);
        }
        for (int i = 0; i < s.units().size(); i++) {
            Config.Unit u = s.units().get(i);
            String template = templateOf(u.name());
            if (template == null || !isTrue(u.enabled())) {
                continue;
            }
            Config.Unit t = byName.get(template);
            if (t != null && !empty(t.contents())) {
                UnitLexer.Result lexed = UnitLexer.lex(t.contents());
                if (lexed.error() == null && !hasInstall(lexed)) {
                    warn(
                            "$.systemd.units." + i + ".contents",
                            "template unit \"" + template + "\" for \"" + u.name() + "\" doesn't have Install section");
                }
            }
        }
        for (int i = 0; i < s.units().size(); i++) {
            Config.Unit u = s.units().get(i);
            String p = "$.systemd.units." + i;
            bean(p + ".name");
            if (u.contents() != null) {
                UnitLexer.Result lexed = UnitLexer.lex(u.contents());
                if (lexed.error() != null) {
                    error(p + ".contents", "invalid unit content: " + lexed.error());
                } else if (isTrue(u.enabled()) && !u.contents().isEmpty() && !hasInstall(lexed)) {
                    warn(
                            p + ".contents",
                            "unit \"" + u.name() + "\" is enabled, but has no install section so enable does nothing");
                }
            }
            for (int k = 0; k < u.dropins().size(); k++) {
                Config.Dropin d = u.dropins().get(k);
                String dp = p + ".dropins." + k;
                if (d.contents() != null) {
                    UnitLexer.Result lexed = UnitLexer.lex(d.contents());
                    if (lexed.error() != null) {
                        error(dp + ".contents", "invalid unit content: " + lexed.error());
                    }
                }
                bean(dp + ".name");
            }
        }
    }

    /**
     * The instantiable unit of an instance name, as systemd.go's {@code ^(.+?)@(.+?)\.service$} finds it
     * ({@code a@b.service} to {@code a@.service}); null for any other name. Only services: upstream's pattern.
     */
    static String templateOf(String name) {
        int at = name.indexOf('@');
        if (at < 1 || !name.endsWith(".service") || name.length() - ".service".length() <= at + 1) {
            return null;
        }
        return name.substring(0, at) + "@.service";
    }

    private static boolean hasInstall(UnitLexer.Result lexed) {
        return lexed.options().stream().anyMatch(o -> o.section().equals("Install"));
    }

    // ------------------------------------------------------------------ duplicates

    private <T> void dups(String base, List<T> list, Function<T, String> key, Set<String> seen) {
        for (int i = 0; i < list.size(); i++) {
            if (!seen.add(key.apply(list.get(i)))) {
                error(base + "." + i, "duplicate entry defined");
            }
        }
    }

    private <T> void dups(String base, List<T> list, Function<T, String> key) {
        dups(base, list, key, new HashSet<>());
    }

    private static String sourceKey(Config.Resource r) {
        return r.source() == null ? "" : r.source();
    }

    private void resourceDups(String p, Config.Resource r) {
        dups(p + ".httpHeaders", r.httpHeaders(), Config.HttpHeader::name);
    }

    private void duplicates(Config c) {
        Config.Ignition ign = c.ignition();
        dups("$.ignition.config.merge", ign.config().merge(), Rules::sourceKey);
        for (int i = 0; i < ign.config().merge().size(); i++) {
            resourceDups("$.ignition.config.merge." + i, ign.config().merge().get(i));
        }
        resourceDups("$.ignition.config.replace", ign.config().replace());
        dups("$.ignition.proxy.noProxy", ign.proxy().noProxy(), Function.identity());
        List<Config.Resource> cas = ign.security().tls().certificateAuthorities();
        dups("$.ignition.security.tls.certificateAuthorities", cas, Rules::sourceKey);
        for (int i = 0; i < cas.size(); i++) {
            resourceDups("$.ignition.security.tls.certificateAuthorities." + i, cas.get(i));
        }
        Set<String> kargs = new HashSet<>();
        dups("$.kernelArguments.shouldExist", c.kernelArguments().shouldExist(), Function.identity(), kargs);
        dups("$.kernelArguments.shouldNotExist", c.kernelArguments().shouldNotExist(), Function.identity(), kargs);
        dups("$.passwd.groups", c.passwd().groups(), Config.PasswdGroup::name);
        dups("$.passwd.users", c.passwd().users(), Config.PasswdUser::name);
        for (int i = 0; i < c.passwd().users().size(); i++) {
            Config.PasswdUser u = c.passwd().users().get(i);
            dups("$.passwd.users." + i + ".groups", u.groups(), Function.identity());
            dups("$.passwd.users." + i + ".sshAuthorizedKeys", u.sshAuthorizedKeys(), Function.identity());
        }
        // validate.ValidateDups (config/validate/validate.go) checks a struct's own lists in field order (directories,
        // files and links share the Node key space), then descends into the fields.
        Config.Storage s = c.storage();
        Set<String> nodes = new HashSet<>();
        dups("$.storage.directories", s.directories(), Config.Directory::path, nodes);
        dups("$.storage.disks", s.disks(), Config.Disk::device);
        dups("$.storage.files", s.files(), Config.File::path, nodes);
        dups("$.storage.filesystems", s.filesystems(), Config.Filesystem::device);
        dups("$.storage.links", s.links(), Config.Link::path, nodes);
        dups("$.storage.luks", s.luks(), Config.Luks::name);
        dups("$.storage.raid", s.raid(), Config.Raid::name);
        for (int i = 0; i < s.disks().size(); i++) {
            dups("$.storage.disks." + i + ".partitions", s.disks().get(i).partitions(), Rules::partitionKey);
        }
        for (int i = 0; i < s.files().size(); i++) {
            Config.File f = s.files().get(i);
            for (int k = 0; k < f.append().size(); k++) {
                resourceDups("$.storage.files." + i + ".append." + k, f.append().get(k));
            }
            resourceDups("$.storage.files." + i + ".contents", f.contents());
        }
        for (int i = 0; i < s.luks().size(); i++) {
            Config.Luks l = s.luks().get(i);
            dups("$.storage.luks." + i + ".openOptions", l.openOptions(), Function.identity());
            dups("$.storage.luks." + i + ".clevis.tang", l.clevis().tang(), Config.Tang::url);
            resourceDups("$.storage.luks." + i + ".keyFile", l.keyFile());
        }
        for (int i = 0; i < s.raid().size(); i++) {
            dups("$.storage.raid." + i + ".devices", s.raid().get(i).devices(), Function.identity());
        }
        dups("$.systemd.units", c.systemd().units(), Config.Unit::name);
        for (int i = 0; i < c.systemd().units().size(); i++) {
            dups("$.systemd.units." + i + ".dropins", c.systemd().units().get(i).dropins(), Config.Dropin::name);
        }
    }

    static String partitionKey(Config.Partition p) {
        if (p.number() != 0) {
            return "number:" + p.number();
        }
        if (p.label() != null) {
            return "label:" + p.label();
        }
        return "";
    }
}
