/**
 * Typed, immutable Ignition configs: parse, validate, translate between spec versions, merge and write.
 */
module dev.coreos4j.ignition {
    requires transitive tools.jackson.databind;   // Schemas returns ObjectNode
    requires com.networknt.schema;
    // The model's records carry the Jakarta Validation constraint annotations: part of the API.
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires java.logging;

    exports dev.coreos4j.ignition;
    exports dev.coreos4j.ignition.merge;
    exports dev.coreos4j.ignition.builder;
    exports dev.coreos4j.ignition.schema;

    // Bean Validation reads the model's constraint annotations and instantiates the internal validators.
    opens dev.coreos4j.ignition to org.hibernate.validator;
    opens dev.coreos4j.ignition.internal.constraints to org.hibernate.validator;
}
