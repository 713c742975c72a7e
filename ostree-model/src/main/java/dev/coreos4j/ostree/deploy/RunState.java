package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The sysroot's run-time state in its run directory: {@code booted-deployment} (the simulated boot: {@code
 * <stateroot> <csum>.<serial>}) and {@code staged-deployment} (a {@code [staged]} keyfile naming the staged
 * deployment, where libostree keeps an a{sv} variant in {@code /run/ostree/staged-deployment}). Each file is written
 * atomically.
 */
final class RunState {

    private final SysrootLayout layout;

    RunState(SysrootLayout layout) {
        this.layout = layout;
    }

    private Path stagedFile() {
        return layout.runDir().resolve("staged-deployment");
    }

    /**
     * The staged deployment, empty when there is no state file or its deployment directory or origin is gone.
     *
     * @throws IOException when the state file lacks {@code osname}, {@code target} or {@code bootcsum}
     */
    Optional<Deployment> readStaged() throws IOException {
        Path state = stagedFile();
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        Map<String, String> kv = OriginFile.keys(Files.readString(state, StandardCharsets.UTF_8), "staged");
        String os = kv.get("osname");
        String target = kv.get("target");
        String bootcsum = kv.get("bootcsum");
        String kargs = kv.getOrDefault("kargs", "");
        if (os == null || target == null || bootcsum == null || target.length() < 66) {
            throw new IOException(state + ": incomplete staged deployment state");
        }
        Path dir = layout.deployDir(os, target);
        Path origin = layout.deployDir(os, target + ".origin");
        if (!Files.isDirectory(dir) || !Files.isRegularFile(origin)) {
            return Optional.empty();
        }
        OriginFile o = OriginFile.read(origin);
        return Optional.of(new Deployment(
                os,
                Checksum.of(target.substring(0, 64)),
                Integer.parseInt(target.substring(65)),
                Checksum.of(bootcsum),
                o.origin(),
                KernelArgs.parse(kargs),
                false,
                true));
    }

    /** Writes the state file naming {@code staged}, with the deployment whose /etc it will merge, if any. */
    void writeStaged(Deployment s, @Nullable Deployment merge) throws IOException {
        Files.createDirectories(layout.runDir());
        Fs.writeAtomically(
                stagedFile(),
                "[staged]\nosname=" + s.stateroot() + "\ntarget="
                        + s.name() + "\nbootcsum=" + s.bootcsum().hex() + "\nkargs="
                        + s.kernelArgs().toOptions("")
                        + "\n" + (merge == null ? "" : "merge-deployment=" + merge.name() + "\n"));
    }

    /** Removes the staged state file, if present. */
    void deleteStaged() throws IOException {
        Files.deleteIfExists(stagedFile());
    }

    /**
     * The booted deployment's key, empty without a marker.
     *
     * @throws IOException when the marker is malformed
     */
    Optional<Deployment.Key> readBooted() throws IOException {
        Path marker = layout.runDir().resolve("booted-deployment");
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        String[] parts =
                Files.readString(marker, StandardCharsets.UTF_8).strip().split(" ", -1);
        if (parts.length != 2 || parts[1].length() < 66 || !Checksum.isValid(parts[1].substring(0, 64))) {
            throw new IOException(marker + ": malformed booted marker");
        }
        return Optional.of(new Deployment.Key(
                parts[0], Checksum.of(parts[1].substring(0, 64)), Integer.parseInt(parts[1].substring(65))));
    }

    /** Marks {@code target} as booted. */
    void writeBooted(Deployment target) throws IOException {
        Files.createDirectories(layout.runDir());
        Fs.writeAtomically(
                layout.runDir().resolve("booted-deployment"), target.stateroot() + " " + target.name() + "\n");
    }
}
