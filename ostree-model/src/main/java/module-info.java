/**
 * OSTree objects whose checksums are identical to libostree's, archive repositories and deployments.
 */
module dev.coreos4j.ostree {
    exports dev.coreos4j.ostree;
    exports dev.coreos4j.ostree.deploy;
}
