package dev.coreos4j.ignition.conformance;

import dev.coreos4j.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One config of the shared Ignition corpus ({@code src/test/resources/ignition/}, format in its README.md) with its
 * recorded expectation.
 *
 * @param id                  {@code <folder>/<name>}, e.g. {@code 3.3.0/file-path-relative}
 * @param config              the config file
 * @param folder              the spec version the document declares, or {@code unversioned}
 * @param description         what the case tests
 * @param basis               where the expectation comes from
 * @param expected            Ignition 2.26's verdict
 * @param changes             the post-2.14 rule changes that make {@code expected} differ from 2.14 (often empty)
 * @param ignitionValidate214 the verdict of {@code ignition-validate} 2.14 when {@code changes} is not empty and the
 *                            tool can judge the config, else null
 */
record CorpusCase(
        String id,
        Path config,
        String folder,
        String description,
        String basis,
        Verdict expected,
        List<Post214Change> changes,
        Verdict ignitionValidate214) {

    /** The folder of documents that never reach a spec version. */
    static final String UNVERSIONED = "unversioned";

    /** The corpus folders: the spec versions coreos4j reads, plus documents with no usable version. */
    static final List<String> FOLDERS =
            List.of("3.0.0", "3.1.0", "3.2.0", "3.3.0", "3.4.0", "3.5.0", "3.6.0", "3.7.0-experimental", UNVERSIONED);

    /** The spec versions {@code ignition-validate} 2.14 reads (it rejects 3.4.0 and later). */
    static final Set<String> ORACLE_VERSIONS = Set.of("3.0.0", "3.1.0", "3.2.0", "3.3.0");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXPECT_SUFFIX = ".expect.json";
    private static List<CorpusCase> all;

    CorpusCase {
        Objects.requireNonNull(id, "id");
        changes = List.copyOf(changes);
    }

    /** The corpus root folder. */
    static Path root() {
        return ProjectRoot.corpus("ignition");
    }

    /** Every case of the corpus, sorted by id; loaded once. */
    static synchronized List<CorpusCase> all() {
        if (all == null) {
            all = load(root());
        }
        return all;
    }

    /** Whether {@code ignition-validate} 2.14 can judge this config (spec up to 3.3.0, or no usable version). */
    boolean judgedByOracle() {
        return ORACLE_VERSIONS.contains(folder) || UNVERSIONED.equals(folder);
    }

    /** Whether the expectation follows a post-2.14 rule change. */
    boolean tagged() {
        return !changes.isEmpty();
    }

    /** The config's bytes. */
    byte[] bytes() {
        try {
            return Files.readAllBytes(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus config " + config, e);
        }
    }

    @Override
    public String toString() {
        return id;
    }

    /** Reads every case of the corpus folders under {@code root}; other folders there belong to other tests. */
    static List<CorpusCase> load(Path root) {
        List<CorpusCase> cases = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                List<Path> expectations = files.filter(
                                p -> p.getFileName().toString().endsWith(EXPECT_SUFFIX))
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
                for (Path expect : expectations) {
                    cases.add(read(expect));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the corpus folder " + root.resolve(folder), e);
            }
        }
        return List.copyOf(cases);
    }

    private static CorpusCase read(Path expect) {
        String fileName = expect.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - EXPECT_SUFFIX.length());
        String folder = expect.getParent().getFileName().toString();
        Path config = expect.resolveSibling(name + ".json");
        JsonNode node;
        try {
            node = JSON.readTree(expect.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot parse " + expect + ": " + e.getMessage(), e);
        }
        List<Post214Change> changes = new ArrayList<>();
        for (JsonNode change : node.path("post214").values()) {
            String tag = change.path("tag").asString();
            changes.add(Post214Change.forTag(tag)
                    .orElseThrow(() -> new IllegalStateException(expect + ": unknown post214 tag " + tag)));
        }
        JsonNode tool = node.get("ignitionValidate214");
        return new CorpusCase(
                folder + "/" + name,
                config,
                folder,
                node.path("description").asString(),
                node.path("basis").asString(),
                verdict(node, expect),
                changes,
                tool == null || tool.isNull() ? null : verdict(tool, expect));
    }

    private static Verdict verdict(JsonNode node, Path source) {
        JsonNode valid = node.get("valid");
        if (valid == null || !valid.isBoolean()) {
            throw new IllegalStateException(source + ": \"valid\" must be true or false");
        }
        List<Verdict.Entry> entries = new ArrayList<>();
        for (JsonNode e : node.path("entries").values()) {
            entries.add(new Verdict.Entry(
                    e.path("severity").asString(),
                    text(e.get("path")),
                    e.path("message").asString(),
                    number(e.get("line")),
                    number(e.get("column"))));
        }
        return new Verdict(valid.booleanValue(), entries);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Integer number(JsonNode node) {
        return node == null || node.isNull() ? null : node.intValue();
    }
}
