/**
 * {@code coreos4j ostree --repo=PATH}: the repository commands of the {@code ostree} CLI (init, commit,
 * log, show, ls, cat, checkout, diff, refs, rev-parse, fsck, prune, sign) on archive repositories, with ostree's
 * options, output and wording so that the conformance tests can compare the two byte for byte. Invalid input is one
 * line and exit 1; an I/O fault exit 2.
 */
@NullMarked
package dev.coreos4j.cli.ostree;

import org.jspecify.annotations.NullMarked;
