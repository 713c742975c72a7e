package dev.coreos4j.ignition.schema;

import dev.coreos4j.problem.Rule;
import dev.coreos4j.problem.Severity;

/** The rules of {@link Schemas#check}: a schema violation, or a document that is not JSON. */
enum SchemaRule implements Rule {
    /** A value breaks the generated JSON Schema; the message is networknt's. */
    SCHEMA("schema"),
    /** The document is not JSON. */
    SCHEMA_UNPARSEABLE("schema-unparseable");

    private final String code;

    SchemaRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }
}
