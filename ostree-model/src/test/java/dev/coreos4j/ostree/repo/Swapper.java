package dev.coreos4j.ostree.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The attacker of issue #19: a thread that keeps walking {@code watched} (never following symlinks) and swapping each
 * directory it finds for a symlink to {@code outside} (the real directory is renamed aside), while the code under test
 * writes or deletes below {@code watched}. After it stops, {@code outside} must hold exactly what it held before.
 */
public final class Swapper implements AutoCloseable {

    private final Path watched;
    private final Path outside;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger swaps = new AtomicInteger();
    private final Thread thread;

    public Swapper(Path watched, Path outside) {
        this.watched = watched;
        this.outside = outside;
        this.thread = new Thread(this::run, "swapper");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many directories were swapped for symlinks. */
    public int swaps() {
        return swaps.get();
    }

    private void run() {
        int n = 0;
        while (!stop.get()) {
            List<Path> dirs = new ArrayList<>();
            collect(watched, 0, dirs);
            for (Path d : dirs) {
                if (stop.get()) {
                    return;
                }
                try {
                    Path aside = d.resolveSibling(d.getFileName() + ".aside" + n++);
                    Files.move(d, aside);
                    Files.createSymbolicLink(d, outside);
                    swaps.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    // raced with the code under test: fine, try the next one
                }
            }
        }
    }

    private static void collect(Path dir, int depth, List<Path> out) {
        if (depth > 6) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !p.getFileName().toString().contains(".aside")) {
                    if (depth > 0) {
                        out.add(p);
                    }
                    collect(p, depth + 1, out);
                }
            }
        } catch (IOException | RuntimeException e) {
            // vanished meanwhile
        }
    }

    /** Stops the attacker and waits (up to 10 s) for its thread to end. */
    public void stop() {
        stop.set(true);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the attacker (see {@link #stop()}). */
    @Override
    public void close() {
        stop();
    }

    /** Everything below {@code dir}, relative, without following symlinks. */
    public static List<String> listing(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> out.add(dir.relativize(p).toString()));
        }
        out.sort(null);
        return out;
    }
}
