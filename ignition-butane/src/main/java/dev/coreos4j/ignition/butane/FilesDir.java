package dev.coreos4j.ignition.butane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code local}, {@code contents_local}, {@code ssh_authorized_keys_local} and {@code storage.trees} read
 * from: Butane's {@code --files-dir}. Paths handed to an implementation are relative, slash-separated and already
 * checked lexically not to leave the directory ({@code ""} is the directory itself); a Butane file can never name
 * anything outside it.
 *
 * <p>{@link #of(Path)} serves a real directory (and additionally refuses symbolic links that resolve outside it);
 * {@link #inMemory(Map)} serves files from memory, for callers that keep configs and their files elsewhere.
 * Implementations must be safe for use by one translation at a time; the provided ones are immutable and
 * thread-safe.
 */
public interface FilesDir {

    /**
     * The contents of a regular file.
     *
     * @throws NoSuchFileException if there is no such file
     * @throws IOException         if it cannot be read (a directory, a fault)
     */
    byte[] read(String path) throws IOException;

    /**
     * The node at {@code path} and, for a directory, everything beneath it, depth-first with each directory's
     * entries in lexical order and the directory before its contents (Go's {@code filepath.Walk} order). Symbolic
     * links are reported, never followed.
     *
     * @throws NoSuchFileException if {@code path} does not exist
     * @throws IOException         on a fault
     */
    List<Node> walk(String path) throws IOException;

    /** Kinds of nodes a tree may hold (anything else is refused by the translator). */
    enum Kind {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link. */
        SYMLINK,
        /** Anything else (device, FIFO, socket). */
        OTHER
    }

    /**
     * One node.
     *
     * @param path       relative slash-separated path from the files directory
     * @param kind       the node's kind
     * @param executable for a file: any execute bit set
     * @param linkTarget for a symlink: its target as written; else null
     */
    record Node(
            String path,
            Kind kind,
            boolean executable,
            @Nullable String linkTarget) {
        /** @throws NullPointerException if {@code path} or {@code kind} is null */
        public Node {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A real directory. @throws NullPointerException if {@code root} is null */
    static FilesDir of(Path root) {
        Objects.requireNonNull(root, "root");
        return new OnDisk(root);
    }

    /**
     * Files held in memory, keyed by relative slash-separated path (parent directories are implied; an entry
     * ending in {@code /} is an empty directory). Files are not executable.
     *
     * @throws NullPointerException if {@code files} or an entry is null
     */
    static FilesDir inMemory(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((k, v) -> copy.put(
                Objects.requireNonNull(k, "path"), Objects.requireNonNull(v, k).clone()));
        return new InMemory(copy);
    }

    /** {@link #of(Path)}. */
    final class OnDisk implements FilesDir {
        private final Path root;

        private OnDisk(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        private Path resolve(String rel) throws IOException {
            Path p = rel.isEmpty() ? root : root.resolve(rel);
            if (Files.exists(p)) {
                Path real = p.toRealPath();
                Path realRoot = root.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new IOException(rel + ": resolves outside the files directory");
                }
            }
            return p;
        }

        @Override
        public byte[] read(String path) throws IOException {
            Path p = resolve(path);
            if (Files.isDirectory(p)) {
                throw new IOException("read " + path + ": is a directory");
            }
            return Files.readAllBytes(p);
        }

        @Override
        public List<Node> walk(String path) throws IOException {
            Path start = resolve(path);
            List<Node> out = new ArrayList<>();
            visit(start, path, out);
            return out;
        }

        private void visit(Path p, String rel, List<Node> out) throws IOException {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                out.add(new Node(
                        rel,
                        Kind.SYMLINK,
                        false,
                        Files.readSymbolicLink(p).toString().replace('\\', '/')));
            } else if (a.isDirectory()) {
                out.add(new Node(rel, Kind.DIRECTORY, false, null));
                List<Path> children;
                try (Stream<Path> s = Files.list(p)) {
                    children = new ArrayList<>(s.toList());
                }
                children.sort((x, y) ->
                        x.getFileName().toString().compareTo(y.getFileName().toString()));
                for (Path c : children) {
                    String name = c.getFileName().toString();
                    visit(c, rel.isEmpty() ? name : rel + "/" + name, out);
                }
            } else if (a.isRegularFile()) {
                boolean exec;
                try {
                    var perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    exec = perms.contains(PosixFilePermission.OWNER_EXECUTE)
                            || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                            || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
                } catch (UnsupportedOperationException e) {
                    exec = Files.isExecutable(p);
                }
                out.add(new Node(rel, Kind.FILE, exec, null));
            } else {
                out.add(new Node(rel, Kind.OTHER, false, null));
            }
        }
    }

    /** {@link #inMemory(Map)}. */
    final class InMemory implements FilesDir {
        private final Map<String, byte[]> files;

        private InMemory(Map<String, byte[]> files) {
            this.files = files;
        }

        private boolean isDir(String rel) {
            String prefix = rel.isEmpty() ? "" : rel + "/";
            return rel.isEmpty() || files.keySet().stream().anyMatch(k -> k.startsWith(prefix));
        }

        @Override
        public byte[] read(String path) throws IOException {
            byte[] b = files.get(path);
            if (b == null) {
                if (isDir(path)) {
                    throw new IOException("read " + path + ": is a directory");
                }
                throw new NoSuchFileException(path);
            }
            return b.clone();
        }

        @Override
        public List<Node> walk(String path) throws IOException {
            if (files.containsKey(path)) {
                return List.of(new Node(path, Kind.FILE, false, null));
            }
            if (!isDir(path)) {
                throw new NoSuchFileException(path);
            }
            TreeMap<String, Kind> nodes = new TreeMap<>();
            String prefix = path.isEmpty() ? "" : path + "/";
            for (String k : files.keySet()) {
                if (!k.startsWith(prefix)) {
                    continue;
                }
                String rest = k.substring(prefix.length());
                String[] parts = rest.split("/", -1);
                StringBuilder acc = new StringBuilder(path);
                for (int i = 0; i < parts.length; i++) {
                    if (parts[i].isEmpty()) {
                        continue;
                    }
                    if (acc.length() > 0) {
                        acc.append('/');
                    }
                    acc.append(parts[i]);
                    boolean last = i == parts.length - 1 && !k.endsWith("/");
                    nodes.merge(acc.toString(), last ? Kind.FILE : Kind.DIRECTORY, (a, b) -> a);
                }
            }
            List<Node> out = new ArrayList<>();
            out.add(new Node(path, Kind.DIRECTORY, false, null));
            // lexical order of full paths puts "a/b" after "a" and before "a.c" only with '/' sorting first
            List<String> keys = new ArrayList<>(nodes.keySet());
            keys.sort((x, y) -> x.replace('/', '\0').compareTo(y.replace('/', '\0')));
            for (String k : keys) {
                out.add(new Node(k, Objects.requireNonNull(nodes.get(k)), false, null));
            }
            return out;
        }
    }
}
