/** A user's application module reading all three coreos4j libraries. */
module it.fabric8 {
    requires dev.coreos4j.ignition;
    requires dev.coreos4j.ostree;
    requires dev.coreos4j.planner;

    exports it.fabric8;
}
