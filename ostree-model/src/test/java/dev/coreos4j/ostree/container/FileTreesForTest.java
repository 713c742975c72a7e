package dev.coreos4j.ostree.container;

import dev.coreos4j.ostree.repo.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies and replaces small directory trees in tests. */
final class FileTreesForTest {

    private FileTreesForTest() {}

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Makes {@code target} an exact copy of {@code pristine}. */
    static void replace(Path pristine, Path target) throws IOException {
        FileTrees.deleteTree(target);
        copy(pristine, target);
    }
}
