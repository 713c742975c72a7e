package dev.coreos4j.ostree.repo;

import java.nio.file.Path;
import java.util.Random;

/**
 * A child-JVM committer for the crash and concurrency tests.
 * <ul>
 *   <li>{@code hold FILE}: locks FILE exclusively, prints {@code held}, sleeps a minute;</li>
 *   <li>{@code loop REPO BRANCH SEED}: prints {@code ready}, then commits trees forever (killed by the test);</li>
 *   <li>{@code cas REPO BRANCH COUNT ID}: makes COUNT commits on BRANCH with compare-and-set, retrying on conflict;
 *       prints {@code updated <checksum>} per applied update and {@code conflict} per lost race.</li>
 * </ul>
 */
public final class CommitWorker {

    private CommitWorker() {}

    @SuppressWarnings("try") // the lock is held while sleeping
    public static void main(String[] args) throws Exception {
        if (args[0].equals("hold")) {
            // another process holding a POSIX lock on a file, as libostree's OFD lock would conflict with ours
            try (var ch = java.nio.channels.FileChannel.open(Path.of(args[1]), java.nio.file.StandardOpenOption.WRITE);
                    var lock = ch.lock()) {
                System.out.println("held");
                System.out.flush();
                Thread.sleep(60_000);
            }
            return;
        }
        Repository repo = Repository.open(Path.of(args[1]));
        String branch = args[2];
        if (args[0].equals("loop")) {
            Random r = new Random(Long.parseLong(args[3]));
            System.out.println("ready");
            System.out.flush();
            for (int n = 0; ; n++) {
                repo.commit(
                        tree(r, n),
                        CommitOptions.builder()
                                .branch(branch)
                                .subject("crash " + n)
                                .build());
            }
        }
        int count = Integer.parseInt(args[3]);
        String id = args[4];
        Random r = new Random(id.hashCode());
        int done = 0;
        while (done < count) {
            CommitResult result = repo.commit(
                    tree(r, done).putFile("worker", 0644, (id + " " + done).getBytes()),
                    CommitOptions.builder()
                            .branch(branch)
                            .subject(id + " " + done)
                            .build());
            RefUpdate u = java.util.Objects.requireNonNull(result.refUpdate());
            if (u instanceof RefUpdate.Updated) {
                System.out.println("updated " + result.checksum());
                done++;
            } else {
                System.out.println("conflict " + result.checksum());
            }
            System.out.flush();
        }
    }

    /** 60 small stable files, 5 that change every commit, one larger random file. */
    static MutableTree tree(Random r, int n) {
        MutableTree t = new MutableTree();
        for (int i = 0; i < 60; i++) {
            t.putFile(
                    "usr/share/stable/f" + i,
                    0644,
                    ("stable " + i + "\n").repeat(20).getBytes());
        }
        for (int i = 0; i < 5; i++) {
            byte[] b = new byte[200 + r.nextInt(4000)];
            r.nextBytes(b);
            t.putFile("var/changing/c" + i, 0600, b);
        }
        byte[] big = new byte[256 * 1024];
        r.nextBytes(big);
        t.putFile("usr/lib/big-" + (n % 3), 0644, big);
        t.putSymlink("usr/lib/current", "big-" + (n % 3));
        return t;
    }
}
