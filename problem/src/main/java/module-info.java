/**
 * The one shape of a problem found in content — an Ignition config, an OSTree repository, a cluster snapshot, an
 * update graph: {@link dev.coreos4j.problem.Problem} (severity, stable code, message, location). Every coreos4j
 * library reports bad content with it, and the CLI prints and serialises it the same way for all of them.
 */
module dev.coreos4j.problem {
    requires static transitive org.jspecify;

    exports dev.coreos4j.problem;
}
