package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.ContentObject;
import dev.coreos4j.ostree.DirMeta;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.ostree.repo.TreeEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ls [-R] [-C] REF [PATH…]} in {@code ostree ls}'s format. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List files in a commit.")
final class LsCommand extends RepoCommand {

    @Option(
            names = {"-R", "--recursive"},
            description = "Print directories recursively.")
    boolean recursive;

    @Option(
            names = {"-C", "--checksum"},
            description = "Print checksums.")
    boolean checksums;

    @Option(
            names = {"-d", "--dironly"},
            description = "Only print the directory itself, not its contents.")
    boolean dirOnly;

    @Parameters(index = "0", paramLabel = "REF")
    String rev;

    @Parameters(index = "1..*", paramLabel = "PATH")
    List<String> paths = new ArrayList<>();

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        Checksum commit = repo.resolve(rev);
        for (String path : paths.isEmpty() ? List.of("/") : paths) {
            TreeEntry entry = repo.lookup(commit, path).orElseThrow(() -> missing(repo, commit, path));
            if (dirOnly || entry instanceof TreeEntry.File) {
                print(repo, entry);
            } else if (recursive) {
                repo.walk(entry, true, e -> print(repo, e));
            } else {
                repo.walk(entry, false, e -> print(repo, e));
            }
        }
        return ExitCode.OK;
    }

    private void print(Repository repo, TreeEntry e) throws IOException {
        StringBuilder line = new StringBuilder();
        if (e instanceof TreeEntry.Directory d) {

            DirMeta m = repo.readDirMeta(d.meta());
            line.append(String.format(
                    "d0%04o %d %d %6d ",
                    m.permissions(), Integer.toUnsignedLong(m.uid()), Integer.toUnsignedLong(m.gid()), 0));
            if (checksums) {
                line.append(d.tree()).append(' ').append(d.meta()).append(' ');
            }
            line.append(d.path());
        } else {
            TreeEntry.File f = (TreeEntry.File) e;
            ContentObject o = repo.readFile(f.checksum());
            char type = o.header().isSymlink() ? 'l' : '-';
            line.append(String.format(
                    "%c0%04o %d %d %6d ",
                    type,
                    o.header().permissions(),
                    Integer.toUnsignedLong(o.header().uid()),
                    Integer.toUnsignedLong(o.header().gid()),
                    o.size()));
            if (checksums) {
                line.append(f.checksum()).append(' ');
            }
            line.append(f.path());
            if (o.header().isSymlink()) {
                line.append(" -> ").append(o.header().symlinkTarget());
            }
        }
        out().println(line);
    }

    /** "Not a directory" when a leading component is a file (as ostree says), else "No such file or directory". */
    @SuppressWarnings("StringSplitter") // a repository path: no empty segments that matter
    private static IllegalArgumentException missing(Repository repo, Checksum commit, String path) {
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            prefix.append('/').append(parts[i]);
            try {
                if (repo.lookup(commit, prefix.toString()).orElse(null) instanceof TreeEntry.File) {
                    return new IllegalArgumentException(path + ": Not a directory");
                }
            } catch (java.io.IOException | IllegalArgumentException e) {
                break;
            }
        }
        return new IllegalArgumentException("No such file or directory: " + path);
    }
}
