package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.internal.DirHandle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one recursive delete of coreos4j ({@code rm -rf}), shared by repositories, checkouts, sysroots, the testkit and
 * the CLI. It works through directory handles as libostree's {@code glnx_shutil_rm_rf_at} does: below the given path
 * nothing is re-resolved through the file system, symlinks are removed and never followed, so a directory swapped for
 * a symlink while the delete runs never makes it remove anything outside the tree.
 */
public final class FileTrees {

    private FileTrees() {}

    /**
     * {@code rm -rf path}: absent is fine, a file or symlink is removed, a directory with everything below it. The
     * parent of {@code path} is resolved once as given; {@code path} itself is never followed. Entries that vanish
     * meanwhile (another writer cleaning up) are fine.
     *
     * @throws IllegalArgumentException for the root directory
     * @throws IOException when something cannot be removed (naming it)
     */
    public static void deleteTree(Path path) throws IOException {
        DirHandle.deleteTree(path);
    }
}
