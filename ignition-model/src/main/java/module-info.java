/**
 * Typed, immutable Ignition configs: parse, validate, translate between spec versions, merge and write.
 */
module dev.coreos4j.ignition {
    requires tools.jackson.databind;

    exports dev.coreos4j.ignition;
}
