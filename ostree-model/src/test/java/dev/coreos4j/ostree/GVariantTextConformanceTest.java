package dev.coreos4j.ostree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coreos4j.ostree.repo.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GVariant text format against GLib through the real {@code ostree}: {@code ostree commit --add-metadata=K=TEXT}
 * parses each text with {@code g_variant_parse}, and {@code ostree show --print-metadata-key} prints the stored value
 * with {@code g_variant_print} (byte-swapped; {@code -B} unswapped). Our parser must produce the same bytes, our
 * printer the same text.
 */
class GVariantTextConformanceTest {

    @TempDir
    Path tmp;

    static final List<String> TEXTS = List.of(
            "uint64 253",
            "b'abc'",
            "42",
            "['x', 'y']",
            "{'k': <1>}",
            "3.5",
            "\"it's\"",
            "@as []",
            "(1, 'a')",
            "just 'x'",
            "[byte 1, 2]",
            "'tab\\there'",
            "true",
            "int16 -5",
            "uint16 65535",
            "uint32 7",
            "int64 -9",
            "handle 3",
            "objectpath '/a/b'",
            "signature 'as'",
            "@ms nothing",
            "[1.5, 2]",
            "{'a': 'b', 'c': 'd'}",
            "<'x'>",
            "(<1>,)",
            "()",
            "b\"it's\"",
            "'\\u00e9\\n'",
            "0x10",
            "[[1, 2], [3]]",
            "@a{sv} {}",
            "{1, 'x'}",
            "double 2",
            "1e10",
            "0.1",
            "'caf\u00e9'",
            "b'a\\tb'",
            "[b'x', b'y']",
            "@mmi just nothing",
            "uint64 1152921504606846976",
            "'\\u0001'",
            "[<'a'>, <uint32 1>]",
            "(true, false, 'x', 1.25)",
            "byte 0xff",
            "-2147483648",
            "'a\\\\b'",
            "{'k': <@as []>}");

    @Test
    void parseAndPrint_matchGlibThroughOstree() throws Exception {
        OstreeTool ostree = OstreeTool.require();
        Path repoDir = tmp.resolve("repo");
        ostree.run("--repo=" + repoDir, "init", "--mode=archive").ok();
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        List<String> args = new ArrayList<>(
                List.of("--repo=" + repoDir, "commit", "-b", "m", "--tree=dir=" + tree, "--no-bindings"));
        for (int i = 0; i < TEXTS.size(); i++) {
            args.add("--add-metadata=k" + i + "=" + TEXTS.get(i));
        }
        ostree.run(args.toArray(String[]::new)).ok();
        Repository repo = Repository.open(repoDir);
        Metadata stored = repo.readCommit(repo.resolve("m")).metadata();
        int agreed = 0;
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            Variant theirs = stored.get("k" + i).orElseThrow();
            Variant ours = GVariantText.parse(text);
            assertThat(ours.type()).as("type of %s", text).isEqualTo(theirs.type());
            assertThat(ours.data()).as("bytes of %s", text).isEqualTo(theirs.data());
            String shown = ostree.run("--repo=" + repoDir, "show", "m", "--print-metadata-key=k" + i)
                    .ok()
                    .out();
            assertThat(GVariantText.printByteswapped(theirs) + "\n")
                    .as("show of %s", text)
                    .isEqualTo(shown);
            String unswapped = ostree.run("--repo=" + repoDir, "show", "-B", "m", "--print-metadata-key=k" + i)
                    .ok()
                    .out();
            assertThat(GVariantText.print(theirs, true) + "\n")
                    .as("show -B of %s", text)
                    .isEqualTo(unswapped);
            agreed++;
        }
        assertThat(agreed).isEqualTo(TEXTS.size());
    }

    @Test
    void parseErrors_sayWhere() {
        assertThatThrownBy(() -> GVariantText.parse("1 2")).hasMessage("2:expected end of input");
        assertThatThrownBy(() -> GVariantText.parse("99999999999")).hasMessage("0-11:number out of range for type 'i'");
        assertThatThrownBy(() -> GVariantText.parse("[]")).hasMessageContaining("unable to infer type");
        assertThatThrownBy(() -> GVariantText.parse("'abc")).hasMessageContaining("unterminated string constant");
        assertThatThrownBy(() -> GVariantText.parse("bogus 1")).hasMessageContaining("unknown keyword");
    }

    @Test
    void doubles_printAsGlibDtostr() {
        assertThat(GVariantPrinter.formatDouble(1.5)).isEqualTo("1.5");
        assertThat(GVariantPrinter.formatDouble(2)).isEqualTo("2.0");
        assertThat(GVariantPrinter.formatDouble(0.1)).isEqualTo("0.10000000000000001");
        assertThat(GVariantPrinter.formatDouble(1e10)).isEqualTo("10000000000.0");
        assertThat(GVariantPrinter.formatDouble(1e20)).isEqualTo("1e+20");
        assertThat(GVariantPrinter.formatDouble(1.5493898653581492e-320)).isEqualTo("1.5493898653581492e-320");
    }
}
