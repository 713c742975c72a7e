/**
 * JSON Schemas of the Ignition spec versions, generated from the {@code dev.coreos4j.ignition} model, and a
 * structural pre-check of documents with networknt json-schema-validator. Kept apart from the model so that parsing,
 * validating and writing configs never load Jackson or networknt.
 */
module dev.coreos4j.ignition.schema {
    requires transitive dev.coreos4j.ignition;
    requires transitive tools.jackson.databind;
    requires com.networknt.schema;

    exports dev.coreos4j.ignition.schema;
}
