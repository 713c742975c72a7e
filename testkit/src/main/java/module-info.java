/**
 * Test support for users of coreos4j: jqwik arbitraries for Ignition configs, OSTree trees and histories,
 * deployment lists and fleets; a fleet simulator and a deployment simulator with injectable faults; and
 * invariant checks as assertions. Use it in test scope.
 */
module dev.coreos4j.testkit {
    requires transitive dev.coreos4j.ignition;
    requires transitive dev.coreos4j.ostree;
    requires transitive dev.coreos4j.planner;
    requires transitive net.jqwik.api;
    requires static transitive org.jspecify;

    exports dev.coreos4j.testkit;
}
