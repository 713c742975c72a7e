package dev.coreos4j.ignition.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The corpus itself is well-formed and complete: enough configs for every spec version, every file paired with its
 * expectation, verdicts consistent with their entries, tags explained, and every validation rule of the spec digest
 * (§2) present in some config.
 */
class CorpusTest {

    /** Every message Ignition's config validation emits (spec digest §2.3, §2.4), each of which the corpus must hold. */
    static final List<String> RULE_MESSAGES = List.of(
            "not a config (empty)",
            "invalid config version (couldn't parse)",
            "unsupported config version",
            "duplicate entry defined",
            "context tree does not match content tree at ",
            "path not specified",
            "path not absolute",
            "path is not fully simplified",
            "file path includes link in config",
            "directory path includes link in config",
            "link path includes link in config",
            "path conflicts with systemd unit or dropin",
            "illegal file mode",
            "setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0",
            "overwrite must be false if source is unspecified",
            "cannot set both id and name",
            "link target is required",
            "hard link target is a directory",
            "user/group ignored for hard link",
            "invalid compression method",
            "source must be specified if verification is specified",
            "malformed hash specifier",
            "unrecognized hash function",
            "incorrect size for hash sum",
            "unable to parse url",
            "invalid url scheme",
            "invalid S3 object VersionId",
            "invalid S3 ARN format",
            "invalid data character",
            "cannot use HTTP headers with this source scheme",
            "HTTP header name can't be empty",
            "unable to parse HTTP header",
            "source is required",
            "proxies must be http(s)",
            "insecure plaintext HTTP proxy specified for HTTPS resources",
            "partition numbers collide",
            "cannot use the same partition label twice",
            "partitions overlap",
            "shouldExist specified false with other options also specified",
            "a partition number >= 1 or a label must be specified",
            "partition labels may not exceed 36 characters",
            "partition label will be truncated to text before the colon",
            "doesn't match the form \"01234567-89AB-CDEF-EDCB-A98765432101\"",
            "shouldExist is false for a partition and other partition(s) has start or size 0",
            "filesystem overwrites partitioned device",
            "device matches disk with wipeTable enabled; filesystem will be wiped",
            "disk device is required",
            "format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified",
            "invalid filesystem format",
            "filesystem must specify format if label is specified",
            "filesystem labels cannot be longer than 16 characters when using ext4",
            "filesystem labels cannot be longer than 256 characters when using btrfs",
            "filesystem labels cannot be longer than 12 characters when using xfs",
            "filesystem labels cannot be longer than 15 characters when using swap",
            "filesystem labels cannot be longer than 11 characters when using vfat",
            "filesystem labels cannot be set when using virtiofs",
            "virtiofs device tag cannot be longer than 36 bytes",
            "device not specified",
            "filesystem uuid cannot be set for non-block-device filesystems",
            "wipeFilesystem cannot be set for non-block-device filesystems",
            "filesystem options (mkfs) cannot be set for non-block-device filesystems",
            "raid level is required",
            "unrecognized raid level",
            "spares unsupported for linear and raid0 arrays",
            "raid devices required",
            "device names cannot contain slashes",
            "luks device labels cannot be longer than 47 characters",
            "cannot use custom clevis config with tpm2, tang, or threshold",
            "missing required custom clevis pin",
            "unsupported clevis pin",
            "missing required custom clevis config",
            "invalid key-file source",
            "cannot use cex with clevis",
            "cannot use key file with cex",
            "invalid url scheme",
            "thumbprint is required",
            "advertisement is not valid JSON",
            "invalid systemd unit extension",
            "invalid systemd drop-in extension",
            "invalid unit content: unable to find end of section",
            "invalid unit content: found garbage after section name ",
            "invalid unit content: unexpected newline encountered while parsing option name",
            "invalid unit content: line too long (max 2048 bytes)",
            "invalid unit content: EOF",
            "is enabled, but has no install section so enable does nothing",
            "doesn't have Install section",
            "unused key ",
            "json: cannot unmarshal ");

    @Test
    void corpus_holdsAtLeast400ConfigsAndEveryVersion() {
        Map<String, Long> perFolder = CorpusCase.all().stream()
                .collect(Collectors.groupingBy(CorpusCase::folder, TreeMap::new, Collectors.counting()));
        assertThat(CorpusCase.all()).hasSizeGreaterThanOrEqualTo(400);
        assertThat(perFolder.keySet()).containsExactlyInAnyOrderElementsOf(CorpusCase.FOLDERS);
        CorpusCase.FOLDERS.stream()
                .filter(f -> !f.equals(CorpusCase.UNVERSIONED))
                .forEach(f ->
                        assertThat(perFolder.get(f)).as("configs of spec %s", f).isGreaterThanOrEqualTo(50));
    }

    @Test
    void corpus_pairsEveryConfigWithAnExpectation() throws IOException {
        Set<String> configs = new TreeSet<>();
        Set<String> expectations = new TreeSet<>();
        Set<String> strays = new TreeSet<>();
        for (String folder : CorpusCase.FOLDERS) {
            try (Stream<Path> files = Files.list(CorpusCase.root().resolve(folder))) {
                files.forEach(p -> {
                    String rel = folder + "/" + p.getFileName();
                    if (rel.endsWith(".expect.json")) {
                        expectations.add(rel.substring(0, rel.length() - ".expect.json".length()));
                    } else if (rel.endsWith(".json")) {
                        configs.add(rel.substring(0, rel.length() - ".json".length()));
                    } else {
                        strays.add(rel);
                    }
                });
            }
        }
        assertThat(strays).as("files that are neither configs nor expectations").isEmpty();
        assertThat(expectations).isEqualTo(configs);
    }

    @Test
    void expectations_haveVerdictsConsistentWithTheirEntries() {
        for (CorpusCase c : CorpusCase.all()) {
            assertThat(c.expected().valid())
                    .as("%s: valid iff no error entry", c.id())
                    .isEqualTo(!c.expected().hasErrors());
            assertThat(c.description()).as("%s: description", c.id()).isNotBlank();
            assertThat(c.expected().entries())
                    .as("%s: severities", c.id())
                    .allMatch(e -> e.severity().equals("error") || e.severity().equals("warning"));
            assertThat(c.expected().entries())
                    .as("%s: paths start at $", c.id())
                    .allMatch(e ->
                            e.path() == null || e.path().equals("$") || e.path().startsWith("$."));
        }
    }

    @Test
    void taggedExpectations_differFrom2_14OnlyByTheirTags() {
        for (CorpusCase c : CorpusCase.all()) {
            if (c.judgedByOracle()) {
                assertThat(c.ignitionValidate214() != null)
                        .as("%s: 2.14 output recorded iff tagged", c.id())
                        .isEqualTo(c.tagged());
            } else {
                assertThat(c.ignitionValidate214())
                        .as("%s: no 2.14 output beyond spec 3.3.0", c.id())
                        .isNull();
            }
            if (c.ignitionValidate214() != null) {
                assertThat(unexplainedDifferences(c))
                        .as("%s: differences not covered by %s", c.id(), c.changes())
                        .isEmpty();
                assertThat(c.expected().withoutPositions())
                        .as("%s: a tagged case must differ from 2.14", c.id())
                        .isNotEqualTo(c.ignitionValidate214().withoutPositions());
            }
        }
    }

    @Test
    void corpus_exercisesEveryValidationRuleAndManyPassingConfigs() {
        List<String> missing = new ArrayList<>();
        for (String message : RULE_MESSAGES) {
            boolean present = CorpusCase.all().stream()
                    .flatMap(c -> c.expected().entries().stream())
                    .anyMatch(e -> e.message().contains(message));
            if (!present) {
                missing.add(message);
            }
        }
        assertThat(missing).as("rule messages no corpus config exercises").isEmpty();
        long passing =
                CorpusCase.all().stream().filter(c -> c.expected().valid()).count();
        long failing = CorpusCase.all().size() - passing;
        assertThat(passing).as("valid configs (passing neighbours)").isGreaterThan(failing / 2);
    }

    @Test
    void postIgnition214Changes_areEachUsedByTheCorpus() {
        Set<Post214Change> used =
                CorpusCase.all().stream().flatMap(c -> c.changes().stream()).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrder(Post214Change.values());
    }

    /**
     * Entries (without positions) that the expectation and the recorded 2.14 output (with the case's renames applied)
     * do not share and that none of the case's additive post-2.14 changes explains; empty for an honest tagged case.
     */
    static List<Verdict.Entry> unexplainedDifferences(CorpusCase c) {
        Map<Verdict.Entry, Integer> expected =
                counts(c.expected().withoutPositions().entries());
        List<Verdict.Entry> renamed = new ArrayList<>();
        for (Verdict.Entry e : c.ignitionValidate214().withoutPositions().entries()) {
            String message = e.message();
            for (Post214Change change : c.changes()) {
                message = change.rename(message);
            }
            renamed.add(new Verdict.Entry(e.severity(), e.path(), message, null, null));
        }
        Map<Verdict.Entry, Integer> tool = counts(renamed);
        List<Verdict.Entry> unexplained = new ArrayList<>();
        Set<Verdict.Entry> all = new HashSet<>(expected.keySet());
        all.addAll(tool.keySet());
        for (Verdict.Entry e : all) {
            int delta = Math.abs(expected.getOrDefault(e, 0) - tool.getOrDefault(e, 0));
            if (delta > 0 && c.changes().stream().noneMatch(change -> change.explains(e.message()))) {
                unexplained.add(e);
            }
        }
        return unexplained;
    }

    private static Map<Verdict.Entry, Integer> counts(List<Verdict.Entry> entries) {
        Map<Verdict.Entry, Integer> counts = new HashMap<>();
        entries.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }
}
