package dev.coreos4j.ignition.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.testsupport.Oracles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 item 4: a JSON syntax error names the offending byte as Go's encoding/json does ({@code quoteChar} in
 * Go's encoding/json/scanner.go: {@code strconv.Quote(string(c))}, i.e. {@code strconv.QuoteRune} of the byte value,
 * which escapes what {@code strconv.IsPrint} rejects: U+00A0 as {@code '\u00a0'}, U+0085, U+00AD, control bytes as
 * {@code '\x01'}). Every one of the 256 byte values is placed where a JSON value must start and the message compared
 * with the installed {@code ignition-validate}'s (Ignition's config.Parse passes Go's error through unchanged,
 * coreos/ignition v2.26.0 config/util/parsingErrors.go:38), line for line including position and Go's printf of the
 * report (so byte 0x25 reads {@code '%!'(MISSING)}).
 */
class SyntaxErrorQuotingConformanceTest {

    @TempDir
    Path dir;

    @Test
    void everyByteValue_quotedAsGoQuotesIt() throws Exception {
        Path tool = Oracles.require("ignition-validate");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (int b = 0; b < 256; b++) {
            byte[] doc = {'{', '"', 'a', '"', ':', (byte) b, '}'};
            Report ours = Ignition.parse(doc).report();
            if (ours.entries().isEmpty()
                    || !"json-syntax".equals(ours.entries().get(0).code())) {
                continue; // a byte that starts a value (digit, quote, brace...) or white space
            }
            Path f = dir.resolve("b" + b + ".ign");
            Files.write(f, doc);
            // whole stdout text: the tool's line also went through Go's printf (0x25 is '%!'(MISSING))
            String expected = String.join("\n", IgnitionValidate.stdoutLines(tool, f)) + "\n";
            String got = ours.ignitionValidateText();
            compared++;
            if (!expected.equals(got)) {
                differences.add(String.format("0x%02x: tool %s, ours %s", b, expected, got));
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(differences).isEmpty();
        assertThat(Ignition.parse(new byte[] {'{', '"', 'a', '"', ':', (byte) 0xA0, '}'})
                        .report()
                        .entries()
                        .get(0)
                        .message())
                .isEqualTo("invalid character '\\u00a0' looking for beginning of value");
    }
}
