package dev.coreos4j.cli.ostree;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.Ed25519;
import dev.coreos4j.ostree.repo.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code sign COMMIT KEY…} and {@code sign --verify COMMIT PUBKEY…} with ed25519, as {@code ostree sign}. */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = "Sign a commit (ed25519, detached metadata) or verify its signatures (exit 1 if none verifies).")
final class SignCommand extends RepoCommand {

    @Option(names = "--verify", description = "Verify instead of sign.")
    boolean verify;

    @Option(
            names = {"-s", "--sign-type"},
            paramLabel = "NAME",
            defaultValue = "ed25519",
            description = "Signature type; only ed25519.")
    String signType;

    @Option(names = "--keys-file", paramLabel = "PATH", description = "Read base64 keys from a file, one per line.")
    Path keysFile;

    @Parameters(index = "0", paramLabel = "COMMIT")
    String rev;

    @Parameters(index = "1..*", paramLabel = "KEY", description = "Base64 secret keys (sign) or public keys (verify).")
    List<String> keys = new ArrayList<>();

    @Override
    int execute() throws Exception {
        if (!signType.equals("ed25519")) {
            throw new ParameterException(
                    spec.commandLine(), "Requested signature type is not implemented: " + signType);
        }
        List<String> all = new ArrayList<>(keys);
        if (keysFile != null) {
            for (String line : dev.coreos4j.cli.InputFiles.readUtf8(keysFile, false)
                    .lines()
                    .toList()) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    all.add(line.strip());
                }
            }
        }
        if (all.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No keys given (KEY arguments or --keys-file)");
        }
        Repository repo = openRepo();
        Checksum commit = repo.resolve(rev);
        if (verify) {
            Ed25519.Verification v = Ed25519.verifyCommit(repo, commit, all);
            if (v instanceof Ed25519.Verification.Valid valid) {
                out().println("Signature verified successfully with key '" + valid.publicKey() + "'");
                return ExitCode.OK;
            }
            err().println("coreos4j: error: " + ((Ed25519.Verification.Invalid) v).reason());
            return ExitCode.INVALID;
        }
        for (String key : all) {
            Ed25519.signCommit(repo, commit, key);
        }
        return ExitCode.OK;
    }
}
