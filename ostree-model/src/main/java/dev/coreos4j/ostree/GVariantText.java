package dev.coreos4j.ostree;

import org.jspecify.annotations.Nullable;

/**
 * The GVariant text format, as GLib's {@code g_variant_print} writes it and {@code g_variant_parse} reads it: what
 * {@code ostree show --print-metadata-key} prints and {@code ostree commit --add-metadata=KEY=VALUE} accepts.
 *
 * <p>Printing follows GLib 2.74 exactly: type annotations ({@code uint64 253}, {@code @as []}, {@code byte 0x01}) on
 * the first element only, int32 and double never annotated, strings in single quotes unless they contain one, with
 * {@code \n}-style and {@code \\uXXXX} escapes for non-printable characters, byte strings ending in their only NUL as
 * {@code b'abc'} (C escapes), maybes without redundant {@code just}, one-element tuples as {@code (x,)}.
 *
 * <p>Parsing accepts the text format's values with type inference when no type is given: numbers (int32 unless
 * annotated, double when they have a fraction or exponent; decimal, {@code 0x} hex and {@code 0} octal), the type
 * keywords {@code byte int16 uint16 int32 uint32 int64 uint64 handle double objectpath signature}, {@code @TYPE}
 * annotations, {@code true}/{@code false}, strings in either quote, byte strings {@code b'…'}, arrays, dictionaries,
 * dict entries, tuples, variants {@code <…>}, {@code nothing} and {@code just}.
 */
public final class GVariantText {

    private GVariantText() {}

    /** {@code g_variant_print(value, typeAnnotate)}. */
    public static String print(Variant value, boolean typeAnnotate) {
        return GVariantPrinter.print(value, typeAnnotate);
    }

    /**
     * What {@code ostree show --print-metadata-key} prints on a little-endian host: the value with every integer and
     * double byte-swapped ({@code g_variant_byteswap}, since ostree writes its integers big-endian), type-annotated.
     */
    public static String printByteswapped(Variant value) {
        return print(byteswap(value), true);
    }

    /** {@code g_variant_byteswap}: every multi-byte number of the value (inside containers and variants) swapped. */
    public static Variant byteswap(Variant value) {
        return GVariantPrinter.byteswap(value);
    }

    /**
     * {@code g_variant_parse(NULL, text)}: one value, its type inferred.
     *
     * @throws IllegalArgumentException "POS:message" in GLib's style ("0-11:number out of range for type 'i'",
     *     "2:expected end of input") when the text is not one value
     */
    public static Variant parse(String text) {
        return parse(text, null);
    }

    /**
     * {@code g_variant_parse(TYPE, text)}: one value of {@code type} (a GVariant type string), or inferred when
     * {@code type} is null.
     *
     * @throws IllegalArgumentException as {@link #parse(String)}, or when the value does not have that type
     */
    public static Variant parse(String text, @Nullable String type) {
        return GVariantParser.parse(text, type);
    }
}
