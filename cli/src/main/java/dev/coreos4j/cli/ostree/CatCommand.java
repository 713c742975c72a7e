package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.TreeEntry;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cat REF PATH…}: writes file contents to standard output. */
@Command(name = "cat", mixinStandardHelpOptions = true, description = "Concatenate contents of files.")
final class CatCommand extends RepoCommand {

    /** Where raw bytes go; {@code System.out} unless a test replaces it. */
    static OutputStream rawOut = System.out;

    @Parameters(index = "0", paramLabel = "REF")
    String rev;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH")
    java.util.List<String> paths;

    /**
     * The regular file {@code path} names in the commit, following symlinks inside the commit (absolute targets from
     * its root) as {@code ostree cat} does, at most 40 of them.
     */
    static TreeEntry.File resolve(Repository repo, Checksum commit, String path) throws java.io.IOException {
        String current = path;
        for (int hops = 0; hops <= 40; hops++) {
            String p = current;
            TreeEntry e = repo.lookup(commit, p)
                    .orElseThrow(() -> new IllegalArgumentException("No such file or directory: " + p));
            if (!(e instanceof TreeEntry.File f)) {
                throw new IllegalArgumentException("Can't open directory");
            }

            dev.coreos4j.ostree.FileHeader h = repo.readFile(f.checksum()).header();
            if (!h.isSymlink()) {
                return f;
            }
            String target = h.symlinkTarget();
            String dir = f.path().substring(0, f.path().lastIndexOf('/') + 1);
            current = java.nio.file.Path.of("/")
                    .resolve(target.startsWith("/") ? target.substring(1) : dir.substring(1) + target)
                    .normalize()
                    .toString();
        }
        throw new IllegalArgumentException(path + ": Too many levels of symbolic links");
    }

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        Checksum commit = repo.resolve(rev);
        out().flush();
        for (String path : paths) {
            TreeEntry.File file = resolve(repo, commit, path);
            try (InputStream in = repo.openContent(file.checksum())) {
                in.transferTo(rawOut);
            }
        }
        rawOut.flush();
        return ExitCode.OK;
    }
}
