/**
 * Typed, immutable Ignition configs: parse, validate, translate between spec versions, merge and write. Needs only
 * the coreos4j problem module (reports hold its {@code Problem}s) and the Jakarta Validation API (for the constraint
 * annotations on the model); JSON Schemas are in the separate
 * {@code dev.coreos4j.ignition.schema} module.
 */
@SuppressWarnings("module") // qualified opens/exports name modules that are not on this module's build path
module dev.coreos4j.ignition {
    requires transitive jakarta.validation;
    requires transitive dev.coreos4j.problem;

    exports dev.coreos4j.ignition;
    exports dev.coreos4j.ignition.merge;
    exports dev.coreos4j.ignition.builder;

    // A user's Hibernate Validator reads the model's constraint annotations and instantiates their validators.
    opens dev.coreos4j.ignition to
            org.hibernate.validator;
    opens dev.coreos4j.ignition.internal.constraints to
            org.hibernate.validator;
}
