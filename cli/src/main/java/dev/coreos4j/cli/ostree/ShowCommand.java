package dev.coreos4j.cli.ostree;

import java.util.Optional;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.Repository;
import dev.coreos4j.ostree.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code show REF}: one commit, with its ContentChecksum. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one commit.")
final class ShowCommand extends RepoCommand {

    @Parameters(paramLabel = "REF", description = "Branch, remote:ref or checksum.")
    String rev;

    @Option(names = "--print-metadata-key", paramLabel = "KEY", description = "Print one commit metadata value.")
    String metadataKey;

    @Option(names = "--print-detached-metadata-key", paramLabel = "KEY",
            description = "Print one detached metadata value.")
    String detachedKey;

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        Checksum c = repo.resolve(rev);
        if (metadataKey != null || detachedKey != null) {
            Metadata m = metadataKey != null ? repo.readCommit(c).metadata()
                    : repo.readDetachedMetadata(c).orElse(Metadata.EMPTY);
            String key = metadataKey != null ? metadataKey : detachedKey;
            Optional<Variant> v = m.get(key);
            if (v.isEmpty()) {
                throw new IllegalArgumentException("No such metadata key '" + key + "'");
            }
            String text = v.get().toString();
            out().println(text.substring(1, text.length() - 1));
            return ExitCode.OK;
        }
        printCommit(out(), c, repo.readCommit(c));
        return ExitCode.OK;
    }
}
