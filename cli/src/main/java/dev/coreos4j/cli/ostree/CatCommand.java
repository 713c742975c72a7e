package dev.coreos4j.cli.ostree;

import java.io.InputStream;
import java.io.OutputStream;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Repository;
import dev.coreos4j.ostree.TreeEntry;
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

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        Checksum commit = repo.resolve(rev);
        out().flush();
        for (String path : paths) {
            TreeEntry e = repo.lookup(commit, path)
                    .orElseThrow(() -> new IllegalArgumentException("No such file or directory: " + path));
            if (!(e instanceof TreeEntry.File)) {
                throw new IllegalArgumentException(path + " is a directory");
            }
            try (InputStream in = repo.openContent(((TreeEntry.File) e).checksum())) {
                in.transferTo(rawOut);
            }
        }
        rawOut.flush();
        return ExitCode.OK;
    }
}
