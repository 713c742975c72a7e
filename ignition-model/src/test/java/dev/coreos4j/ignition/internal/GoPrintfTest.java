package dev.coreos4j.ignition.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coreos4j.ignition.Ignition;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 item 3: {@code ignition-validate} passes the report text to {@code fmt.Fprintf} as the format (coreos/ignition
 * v2.26.0 validate/main.go:46-48 {@code stdout}, called at :80 with {@code rpt.String()}); Go's fmt/print.go
 * {@code doPrintf} then turns every {@code %} directive into an error marker. Expected strings are what the installed
 * {@code ignition-validate} printed for the same keys.
 */
class GoPrintfTest {

    @Test
    void verbsWithoutOperands() {
        assertThat(GoPrintf.withoutArguments("a%sb")).isEqualTo("a%!s(MISSING)b");
        assertThat(GoPrintf.withoutArguments("c%d%%e")).isEqualTo("c%!d(MISSING)%e");
        assertThat(GoPrintf.withoutArguments("y%5.2fz")).isEqualTo("y%!f(MISSING)z");
        assertThat(GoPrintf.withoutArguments("k%\u00e9 %-+#0 9.3v")).isEqualTo("k%!\u00e9(MISSING) %!v(MISSING)");
        assertThat(GoPrintf.withoutArguments("no verbs")).isEqualTo("no verbs");
    }

    @Test
    void indexesWidthsAndPrecisions() {
        assertThat(GoPrintf.withoutArguments("k%[1]d")).isEqualTo("k%!d(BADINDEX)");
        assertThat(GoPrintf.withoutArguments("k%*d")).isEqualTo("k%!(BADWIDTH)%!d(MISSING)");
        assertThat(GoPrintf.withoutArguments("k%.*d")).isEqualTo("k%!(BADPREC)%!d(MISSING)");
        assertThat(GoPrintf.withoutArguments("k%[x]d %[2], x")).isEqualTo("k%!d(BADINDEX) %!,(BADINDEX) x");
        assertThat(GoPrintf.withoutArguments("k%")).isEqualTo("k%!(NOVERB)");
    }

    @Test
    void aPercentBeforeTheNewlineSwallowsIt() {
        // "x%" ending a line: the verb is the newline itself, as the tool prints it
        assertThat(GoPrintf.ignitionValidateStdout("warning at $.x%, line 1 col 53: Unused key x%\n"))
                .isEqualTo("warning at $.x%!,(MISSING) line 1 col 53: Unused key x%!\n(MISSING)");
    }

    @Test
    void reportText_quirkOnlyInTheToolsText() {
        var report = Ignition.parse("{\"ignition\":{\"version\":\"3.3.0\"},\"a%sb\":1}")
                .report();
        assertThat(report.ignitionValidateText())
                .isEqualTo("warning at $.a%!s(MISSING)b, line 1 col 33: unused key a%!s(MISSING)b\n");
        assertThat(report.toString()).isEqualTo("warning at $.a%sb, line 1 col 33: unused key a%sb\n");
        assertThat(report.entries().get(0).message()).isEqualTo("unused key a%sb");
    }

    @Test
    void trimSpace_isGosUnicodeSpace() {
        assertThat(GoPrintf.trimSpace("\u00a0 x \u2003\n")).isEqualTo("x");
        assertThat(GoPrintf.trimSpace("\u200bx")).isEqualTo("\u200bx"); // zero-width space is not a space in Go
    }
}
