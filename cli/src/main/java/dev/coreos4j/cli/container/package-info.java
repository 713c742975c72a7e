/**
 * {@code coreos4j container}: OSTree commits as container images in the ostree-ext format (encapsulate,
 * unencapsulate, image, diff), with ostree-ext's spellings, over {@code dev.coreos4j.ostree.container}.
 */
@NullMarked
package dev.coreos4j.cli.container;

import org.jspecify.annotations.NullMarked;
