package dev.coreos4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the documents and comments point at exists. In the project's Markdown files (the root's and each module's;
 * not the data under {@code src/test/resources}): every relative link {@code [text](path#anchor)} names a file or
 * directory that exists and, for a Markdown target, a heading; every {@code `path`} in code spans that starts with a
 * top-level entry of the tree ({@code cli/…}, {@code benchmarks/scripts/…}, {@code .ci/run}) exists. In the Java
 * sources' comments (main and test of every module, and the shared test support): every repository document they
 * name ({@code README.md}, {@code CONTRIBUTING.md}, {@code CHANGELOG.md}, {@code docs/…}, or a path ending in
 * {@code .md}) exists, and every section they cite ({@code README.md, "Update-graph paths"}) is a heading of it.
 */
class DocumentReferencesTest {

    private static final Path ROOT = Poms.ROOT.toAbsolutePath().normalize();

    /** The root documents a bare name means. */
    private static final Set<String> ROOT_DOCUMENTS = Set.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md");

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\s]+)`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    /** A document path: a bare root document, or a path with a directory ending in .md, or below docs/. */
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?<![\\w./-])((?:[\\w.-]+/)+[\\w.-]+\\.md|README\\.md|CONTRIBUTING\\.md|CHANGELOG\\.md|docs/[\\w./-]*\\w)"
                    + "((?:,?\\s*(?:and\\s+)?\"[^\"]+\")*)");

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void markdownLinksAndPaths_resolve() throws IOException {
        List<Path> docs = markdownFiles();
        assertThat(docs)
                .as("Markdown files")
                .extracting(p -> ROOT.relativize(p).toString())
                .contains("README.md", "CONTRIBUTING.md", "CHANGELOG.md");
        Set<String> topLevel = topLevelEntries();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs) {
            String text = withoutFencedCode(Files.readString(doc, StandardCharsets.UTF_8));
            String name = ROOT.relativize(doc).toString();
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto:
                }
                checked++;
                String problem = resolveLink(doc, target);
                if (problem != null) {
                    broken.add(name + ": link (" + target + ") " + problem);
                }
            }
            Matcher c = CODE_SPAN.matcher(text);
            while (c.find()) {
                String path = c.group(1).startsWith("./") ? c.group(1).substring(2) : c.group(1);
                String first = path.split("/", 2)[0];
                if (!path.contains("/") && !path.startsWith(".") || !topLevel.contains(first) || !isPlainPath(path)) {
                    continue;
                }
                checked++;
                if (!Files.exists(ROOT.resolve(path))) {
                    broken.add(name + ": `" + c.group(1) + "` does not exist");
                }
            }
        }
        assertThat(checked).as("links and paths checked").isGreaterThan(20);
        assertThat(broken)
                .as("links and paths in Markdown that resolve to nothing")
                .isEmpty();
    }

    @Test
    void documentsCitedInJavaComments_exist() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path source : javaSources()) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher comment = COMMENT.matcher(text);
            while (comment.find()) {
                String words = comment.group()
                        .replaceAll("(?m)^\\s*\\*", " ")
                        .replaceAll("\\{@code ([^}]*)}", "$1")
                        .replaceAll("\\s+", " ");
                Matcher d = DOCUMENT.matcher(words);
                while (d.find()) {
                    String ref = d.group(1);
                    if (ref.startsWith("target/") || ref.contains("/target/")) {
                        continue; // written by a build, not a document of the repository
                    }
                    checked++;
                    Path doc = resolveDocument(source, ref);
                    String where = ROOT.relativize(source) + ": " + ref;
                    if (doc == null) {
                        broken.add(where + " does not exist");
                        continue;
                    }
                    Matcher q = QUOTED.matcher(d.group(2));
                    while (q.find()) {
                        if (!headings(doc).contains(q.group(1))) {
                            broken.add(where + " has no section \"" + q.group(1) + "\"");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("document references checked").isGreaterThan(3);
        assertThat(broken)
                .as("documents or sections cited in comments that do not exist")
                .isEmpty();
    }

    /** Null when {@code target} (relative to {@code doc}, with an optional #anchor) resolves, else why not. */
    private static String resolveLink(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "names no file";
        }
        if (anchor != null && resolved.toString().endsWith(".md")) {
            Set<String> anchors = new HashSet<>();
            for (String h : headings(resolved)) {
                anchors.add(slug(h));
            }
            if (!anchors.contains(anchor)) {
                return "names no heading of " + ROOT.relativize(resolved);
            }
        }
        return null;
    }

    /** The file a document reference in {@code source} means: the root's, the module's, or beside the source. */
    private static Path resolveDocument(Path source, String ref) {
        List<Path> candidates = new ArrayList<>();
        if (ROOT_DOCUMENTS.contains(ref)) {
            candidates.add(ROOT.resolve(ref));
        } else {
            candidates.add(ROOT.resolve(ref));
            Path rel = ROOT.relativize(source);
            if (rel.getNameCount() > 1) {
                candidates.add(ROOT.resolve(rel.getName(0)).resolve(ref));
            }
            candidates.add(source.getParent().resolve(ref));
        }
        for (Path c : candidates) {
            Path n = c.normalize();
            if (n.startsWith(ROOT) && Files.exists(n)) {
                return n;
            }
        }
        return null;
    }

    /** The heading texts of a Markdown file, outside fenced code. */
    private static Set<String> headings(Path md) {
        if (!md.toString().endsWith(".md") || !Files.isRegularFile(md)) {
            return Set.of();
        }
        try {
            Set<String> out = new TreeSet<>();
            Matcher m = HEADING.matcher(withoutFencedCode(Files.readString(md, StandardCharsets.UTF_8)));
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static boolean isPlainPath(String path) {
        return !path.contains("target/")
                && !path.contains("*")
                && !path.contains("…")
                && !path.contains("<")
                && !path.contains("{")
                && !path.contains("$")
                && path.matches("[\\w./+-]+");
    }

    private static String withoutFencedCode(String text) {
        return text.replaceAll("(?ms)^```.*?^```[^\\n]*$", "");
    }

    /** The root's Markdown files and each reactor module's own (not recursive: module data is not a document). */
    private static List<Path> markdownFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Poms.Module m : Poms.reactor()) {
            try (Stream<Path> files = Files.list(ROOT.resolve(m.dir()).normalize())) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
            }
        }
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Every Java source of every module (main and test) and of the shared test support. */
    private static List<Path> javaSources() throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (Poms.Module m : Poms.reactor()) {
            if (!m.dir().equals(".")) {
                dirs.add(ROOT.resolve(m.dir()).resolve("src/main/java"));
                dirs.add(ROOT.resolve(m.dir()).resolve("src/test/java"));
            }
        }
        dirs.add(ROOT.resolve("src/test/support"));
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> walk = Files.walk(d)) {
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    /** The names at the top of the tree, as paths in the documents start with them ({@code cli}, {@code .ci}). */
    private static Set<String> topLevelEntries() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("target") && !n.equals(".git"))
                    .forEach(out::add);
        }
        return out;
    }
}
