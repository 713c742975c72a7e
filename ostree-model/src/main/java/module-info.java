/**
 * OSTree objects whose checksums are identical to libostree's, archive repositories, deployments, and OS updates as
 * container images in the ostree-ext format.
 */
module dev.coreos4j.ostree {
    requires tools.jackson.core;
    requires org.apache.commons.compress;
    requires aircompressor;
    requires java.net.http;

    exports dev.coreos4j.ostree;
    exports dev.coreos4j.ostree.deploy;
    exports dev.coreos4j.ostree.container;
}
