/**
 * OSTree repositories on disk in {@code archive} mode, byte-compatible with libostree: {@link
 * dev.coreos4j.ostree.repo.Repository} (open, read, commit, checkout, log, diff), write
 * {@link dev.coreos4j.ostree.repo.Transaction}s with compare-and-set ref updates ({@link
 * dev.coreos4j.ostree.repo.RefUpdate}, a result, never an exception), refs ({@link dev.coreos4j.ostree.repo.Refs}),
 * the config ({@link dev.coreos4j.ostree.repo.RepoConfig}), {@code fsck} (findings are
 * {@link dev.coreos4j.problem.Problem}s of an {@link dev.coreos4j.ostree.repo.FsckRule}) and {@code prune}.
 *
 * <p>This is the only package that writes a repository. Every file goes through one atomic writer (temp file, fsync
 * by the repository's {@code core.fsync}, rename) and every tree is written and deleted through directory handles,
 * never following a symlink. Disk faults are {@link java.io.IOException}s, corrupt objects
 * {@link dev.coreos4j.ostree.CorruptObjectException}s, caller mistakes {@link IllegalArgumentException}s. Nothing
 * accepts or returns {@code null} unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.coreos4j.ostree.repo;

import org.jspecify.annotations.NullMarked;
