package dev.coreos4j.ostree.repo;

import java.nio.file.Path;

/** Child of {@link CommitPermissionTest}: commits {@code args[1]} into the repository {@code args[0]}, prints the outcome. */
public final class CommitPermissionChild {

    private CommitPermissionChild() {}

    public static void main(String[] args) throws Exception {
        Repository repo = Repository.open(Path.of(args[0]));
        try {
            repo.commit(
                    Path.of(args[1]),
                    CommitOptions.builder().branch("b").noXattrs(true).build());
            System.out.println("COMMITTED");
        } catch (java.io.IOException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
