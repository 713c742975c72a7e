package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.GVariantText;
import dev.coreos4j.ostree.Metadata;
import dev.coreos4j.ostree.Variant;
import dev.coreos4j.ostree.repo.Repository;
import java.util.Optional;
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

    @Option(
            names = "--print-detached-metadata-key",
            paramLabel = "KEY",
            description = "Print one detached metadata value.")
    String detachedKey;

    @Option(
            names = {"-B", "--no-byteswap"},
            description = "Do not automatically convert variant data from big endian.")
    boolean noByteswap;

    @Override
    int execute() throws Exception {
        Repository repo = openRepo();
        Checksum c = repo.resolve(rev);
        if (metadataKey != null || detachedKey != null) {
            Metadata m;
            if (metadataKey != null) {
                m = repo.readCommit(c).metadata();
            } else {
                m = repo.readDetachedMetadata(c)
                        .orElseThrow(() -> new IllegalArgumentException("No detached metadata for commit " + c));
            }
            String key = metadataKey != null ? metadataKey : detachedKey;
            Optional<Variant> v = m.get(key);
            if (v.isEmpty()) {
                throw new IllegalArgumentException("No such metadata key '" + key + "'");
            }
            // as ostree: the value unboxed, type-annotated, integers byte-swapped from ostree's big-endian
            out().println(noByteswap ? GVariantText.print(v.get(), true) : GVariantText.printByteswapped(v.get()));
            return ExitCode.OK;
        }
        printCommit(out(), c, repo.readCommit(c));
        return ExitCode.OK;
    }
}
