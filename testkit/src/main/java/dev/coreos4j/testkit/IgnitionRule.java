package dev.coreos4j.testkit;

import dev.coreos4j.problem.Severity;

/**
 * The Ignition rules {@link IgnitionArbitraries#almostValidConfigs} can break, each with the stable report code our
 * validator ({@code dev.coreos4j.ignition.Ignition}) gives it, its severity, and whether it is fatal (the document
 * does not decode, so the report entry has no JSON path and there is no config).
 */
public enum IgnitionRule {
    /** A node path that is not absolute ({@code etc/motd}). */
    PATH_NOT_ABSOLUTE("path-not-absolute", Severity.ERROR, false),
    /** A node path with {@code ..}, {@code .} or {@code //} in it. */
    PATH_NOT_SIMPLIFIED("path-not-simplified", Severity.ERROR, false),
    /** Two storage nodes (files, directories, links) with the same path. */
    DUPLICATE_PATH("duplicate-entry", Severity.ERROR, false),
    /** Two systemd units with the same name. */
    DUPLICATE_UNIT("duplicate-entry", Severity.ERROR, false),
    /** A file below a path the config makes a link. */
    FILE_UNDER_LINK("file-under-link", Severity.ERROR, false),
    /** A file mode outside {@code 0..07777}. */
    ILLEGAL_FILE_MODE("illegal-file-mode", Severity.ERROR, false),
    /** A resource URL with a scheme Ignition cannot fetch ({@code ftp:}). */
    INVALID_URL_SCHEME("invalid-url-scheme", Severity.ERROR, false),
    /** A {@code data:} URL that does not parse. */
    INVALID_DATA_URL("invalid-data-url", Severity.ERROR, false),
    /** A verification hash without the {@code function-digest} form. */
    MALFORMED_HASH("malformed-hash", Severity.ERROR, false),
    /** A verification hash whose digest has the wrong length. */
    HASH_SIZE("hash-size", Severity.ERROR, false),
    /** A verification hash with an unknown function ({@code md5-…}). */
    UNRECOGNIZED_HASH_FUNCTION("unrecognized-hash-function", Severity.ERROR, false),
    /** A compression other than {@code ""} and {@code gzip}. */
    INVALID_COMPRESSION("invalid-compression", Severity.ERROR, false),
    /** {@code overwrite: true} on a file without a contents source. */
    OVERWRITE_WITHOUT_SOURCE("overwrite-without-source", Severity.ERROR, false),
    /** A systemd unit name without a unit suffix. */
    INVALID_UNIT_NAME("invalid-unit-extension", Severity.ERROR, false),
    /** A drop-in name not ending in {@code .conf}. */
    INVALID_DROPIN_NAME("invalid-dropin-extension", Severity.ERROR, false),
    /** Unit contents that do not parse as a systemd unit file. */
    INVALID_UNIT_CONTENTS("invalid-unit-content", Severity.ERROR, false),
    /** A key the version's schema does not have (Ignition warns {@code unused key X}). */
    UNKNOWN_KEY("unused-key", Severity.WARNING, false),
    /** A value of the wrong JSON type (an array where an object belongs): the document does not decode. */
    WRONG_TYPE("json-type", Severity.ERROR, true),
    /** An {@code ignition.version} that is not a semantic version. */
    BAD_VERSION("invalid-version", Severity.ERROR, true),
    /** An {@code ignition.version} no Ignition release supports. */
    UNSUPPORTED_VERSION("unsupported-version", Severity.ERROR, true);

    private final String code;
    private final Severity severity;
    private final boolean fatal;

    IgnitionRule(String code, Severity severity, boolean fatal) {
        this.code = code;
        this.severity = severity;
        this.fatal = fatal;
    }

    /** The report code ({@code Problem.code()} of a report entry) the validator gives a break of this rule. */
    public String code() {
        return code;
    }

    /** The severity of the report entry. */
    public Severity severity() {
        return severity;
    }

    /** Whether the document fails to decode: the entry has no path and the parse result no config. */
    public boolean fatal() {
        return fatal;
    }
}
