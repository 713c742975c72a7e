/**
 * Typed, immutable Ignition configs: parse, validate, translate between spec versions, merge and write.
 */
module dev.coreos4j.ignition {
    requires tools.jackson.databind;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires java.logging;

    exports dev.coreos4j.ignition;

    // Bean Validation reads the model's constraint annotations and instantiates the internal validators.
    opens dev.coreos4j.ignition to org.hibernate.validator;
    opens dev.coreos4j.ignition.internal.constraints to org.hibernate.validator;
}
