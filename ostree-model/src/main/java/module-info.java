/**
 * OSTree objects whose checksums are identical to libostree's, archive repositories, deployments, and OS updates as
 * container images in the ostree-ext format.
 */
// aircompressor (pure-Java zstd) ships without a module name, so its module name comes from the jar's file name.
@SuppressWarnings("requires-automatic")
module dev.coreos4j.ostree {
    requires transitive dev.coreos4j.problem;
    requires static transitive org.jspecify;
    requires tools.jackson.core;
    requires org.apache.commons.compress;
    requires aircompressor;
    requires java.net.http;

    exports dev.coreos4j.ostree;
    exports dev.coreos4j.ostree.repo;
    exports dev.coreos4j.ostree.deploy;
    exports dev.coreos4j.ostree.container;
}
