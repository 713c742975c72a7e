/**
 * {@code coreos4j admin}: OSTree deployments of a sysroot with the spellings of {@code ostree admin} and rpm-ostree
 * (init-fs, os-init, deploy, stage, finalize, boot, status, rollback, set-default, undeploy, pin, kargs, cleanup,
 * config-diff), including deploys from ostree-ext container images. The commands call
 * {@code dev.coreos4j.ostree.deploy.Sysroot} and print what the reference tools print; a refused transition is a
 * result (one line on standard error, exit 1), an I/O fault exit 2.
 */
@NullMarked
package dev.coreos4j.cli.admin;

import org.jspecify.annotations.NullMarked;
