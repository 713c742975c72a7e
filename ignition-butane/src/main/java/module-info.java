/**
 * Butane front end: Butane YAML ({@code fcos}, {@code openshift} variants) translated to Ignition configs and
 * MachineConfigs, with YAML line and column in every report entry.
 */
module dev.coreos4j.ignition.butane {
    requires transitive dev.coreos4j.ignition;
    requires org.snakeyaml.engine;

    exports dev.coreos4j.ignition.butane;
}
