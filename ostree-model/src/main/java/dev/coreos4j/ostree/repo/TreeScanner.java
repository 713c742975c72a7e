package dev.coreos4j.ostree.repo;

import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.DirTree;
import dev.coreos4j.ostree.FileHeader;
import dev.coreos4j.ostree.Names;
import dev.coreos4j.ostree.Xattr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Walks a directory tree for a commit: one pass submits every regular file to a pool of hashing/compressing workers
 * (at most a few per core in flight, each streaming with a fixed buffer, so memory stays bounded whatever the tree
 * size), then the dirtrees are assembled bottom-up.
 */
final class TreeScanner {

    private final Transaction tx;
    private final CommitOptions options;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final Semaphore inFlight = new Semaphore(threads * 4);

    private final CommitProgress progress;
    private final java.util.concurrent.atomic.AtomicLong filesDone = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytesDone = new java.util.concurrent.atomic.AtomicLong();

    TreeScanner(Transaction tx, CommitOptions options, CommitProgress progress) {
        this.tx = tx;
        this.options = options;
        this.progress = progress;
    }

    /** The repository's own {@code tmp/} (this transaction's staging area), when the tree being committed holds it. */
    private boolean isStagingArea(Path dir) throws IOException {
        Path tmp = tx.repository().path().resolve("tmp");
        return dir.getFileName().toString().equals("tmp") && Files.isDirectory(tmp) && Files.isSameFile(dir, tmp);
    }

    private void done(long bytes) {
        progress.update(filesDone.incrementAndGet(), bytesDone.addAndGet(bytes));
    }

    private record Node(
            Path path,
            DirMeta meta,
            List<String> fileNames,
            List<Future<Checksum>> files,
            List<String> dirNames,
            List<Node> dirs) {}

    Transaction.Root write(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("commit source " + root + " is not a directory");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "coreos4j-commit");
            t.setDaemon(true);
            return t;
        });
        try {
            Node node = scan(root, pool);
            return assemble(node);
        } finally {
            pool.shutdownNow();
            try {
                // no worker may still write into the staging directory when the transaction discards it
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Node scan(Path dir, ExecutorService pool) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(dir, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        DirMeta meta;
        try {
            meta = new DirMeta(
                    uid(attrs), gid(attrs), (Integer) Objects.requireNonNull(attrs.get("mode")), xattrs(dir, true));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(children::add);
        } catch (java.nio.file.AccessDeniedException e) {
            throw denied(dir);
        }
        Node node = new Node(dir, meta, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (!dir.resolve(name).equals(child)) {
                throw new IllegalArgumentException(child + ": file name is not valid UTF-8");
            }
            String why = Names.whyInvalidFilename(name);
            if (why != null) {
                throw new IllegalArgumentException(child + ": " + why);
            }
            Map<String, Object> ca = Files.readAttributes(child, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Objects.requireNonNull(ca.get("mode"));
            int type = mode & FileHeader.S_IFMT;
            if (type == FileHeader.S_IFDIR) {
                if (isStagingArea(child)) {
                    // committing a tree that holds this repository: its tmp/ is where this very commit is staged,
                    // files appear and vanish there while we scan; libostree sees a random snapshot of it
                    continue;
                }
                node.dirNames().add(name);
                node.dirs().add(scan(child, pool));
            } else if (type == FileHeader.S_IFLNK) {
                Path link = Files.readSymbolicLink(child);
                String target = link.toString();
                // the JDK decodes undecodable bytes to U+FFFD (the target itself is kept unnormalized, "a//b/")
                if (target.indexOf('\uFFFD') >= 0) {
                    throw new IllegalArgumentException(child + ": symlink target is not valid UTF-8");
                }
                FileHeader header = header(child, uid(ca), gid(ca), mode, target, false);
                node.fileNames().add(name);
                node.files()
                        .add(java.util.concurrent.CompletableFuture.completedFuture(
                                tx.writeFile(header, 0, InputStream.nullInputStream())));
                done(0);
            } else if (type == FileHeader.S_IFREG) {
                FileHeader header = header(child, uid(ca), gid(ca), mode, "", true);
                long size = (Long) Objects.requireNonNull(ca.get("size"));
                node.fileNames().add(name);
                acquire();
                node.files().add(pool.submit(() -> {
                    InputStream opened;
                    try {
                        opened = Files.newInputStream(child, LinkOption.NOFOLLOW_LINKS);
                    } catch (java.nio.file.AccessDeniedException e) {
                        inFlight.release();
                        throw denied(child);
                    }
                    try (InputStream in = opened) {
                        Checksum c = tx.writeFile(header, size, in);
                        done(size);
                        return c;
                    } finally {
                        inFlight.release();
                    }
                }));
            } else {
                throw new IllegalArgumentException(child + ": cannot commit a device node, FIFO or socket (mode "
                        + Integer.toOctalString(mode) + ")");
            }
        }
        return node;
    }

    /** An unreadable file or directory: its path and the errno text ostree prints. */
    private static java.nio.file.AccessDeniedException denied(Path p) {
        return new java.nio.file.AccessDeniedException(p.toString(), null, "Permission denied");
    }

    private void acquire() throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("commit interrupted");
        }
    }

    private FileHeader header(Path p, int uid, int gid, int mode, String target, boolean regular) throws IOException {
        try {
            return new FileHeader(uid, gid, mode, target, xattrs(p, regular));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
    }

    private int uid(Map<String, Object> attrs) {
        return options.ownerUid().orElseGet(() -> (Integer) Objects.requireNonNull(attrs.get("uid")));
    }

    private int gid(Map<String, Object> attrs) {
        return options.ownerGid().orElseGet(() -> (Integer) Objects.requireNonNull(attrs.get("gid")));
    }

    /** The {@code user.*} xattrs (the namespace the JDK exposes); none with {@code --no-xattrs} or for symlinks. */
    private List<Xattr> xattrs(Path p, boolean followable) throws IOException {
        if (options.noXattrs() || !followable) {
            return List.of();
        }
        UserDefinedFileAttributeView view =
                Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return List.of();
        }
        List<Xattr> out = new ArrayList<>();
        List<String> names;
        try {
            names = view.list();
        } catch (IOException | UnsupportedOperationException e) {
            return List.of();
        }
        for (String name : names) {
            ByteBuffer buf = ByteBuffer.allocate(view.size(name));
            view.read(name, buf);
            out.add(new Xattr("user." + name, java.util.Arrays.copyOf(buf.array(), buf.position())));
        }
        return out;
    }

    private Transaction.Root assemble(Node node) throws IOException {
        List<DirTree.FileEntry> files = new ArrayList<>();
        for (int i = 0; i < node.files().size(); i++) {
            files.add(new DirTree.FileEntry(
                    node.fileNames().get(i), await(node.files().get(i), node.path())));
        }
        List<DirTree.DirEntry> dirs = new ArrayList<>();
        for (int i = 0; i < node.dirs().size(); i++) {
            Transaction.Root sub = assemble(node.dirs().get(i));
            dirs.add(new DirTree.DirEntry(node.dirNames().get(i), sub.tree(), sub.meta()));
        }
        return new Transaction.Root(tx.writeDirTree(new DirTree(files, dirs)), tx.writeDirMeta(node.meta()));
    }

    private static Checksum await(Future<Checksum> f, Path dir) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("commit interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException iOException) {
                throw iOException;
            }
            if (cause instanceof UncheckedIOException uncheckedIOException) {
                throw uncheckedIOException.getCause();
            }
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new IOException("committing " + dir + ": " + cause, cause);
        }
    }
}
