package dev.coreos4j.ostree.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a sysroot keeps what, as libostree lays it out: the sysroot and run directories, the deployment directories
 * and origin files, the system repository, and the two version links ({@code boot/loader -> loader.B},
 * {@code ostree/boot.B -> boot.B.S}). Every named part of {@link Sysroot} reads its paths from here.
 *
 * @param root the absolute sysroot directory
 * @param runDir the absolute run directory (booted marker, staged state)
 */
record SysrootLayout(Path root, Path runDir) {

    /** The system repository, opened afresh. */
    SystemRepository repository() throws IOException {
        return SystemRepository.open(root.resolve("ostree/repo"));
    }

    /** {@code ostree/deploy/<stateroot>/deploy/<csum>.<serial>}. */
    Path deploymentDirectory(Deployment d) {
        return deployDir(d.stateroot(), d.name());
    }

    /** {@code ostree/deploy/<stateroot>/deploy/<name>}. */
    Path deployDir(String stateroot, String name) {
        return root.resolve("ostree/deploy")
                .resolve(stateroot)
                .resolve("deploy")
                .resolve(name);
    }

    /** {@code ostree/deploy/<stateroot>/deploy/<csum>.<serial>.origin}. */
    Path originFile(Deployment d) {
        return deployDir(d.stateroot(), d.name() + ".origin");
    }

    /** The current bootversion: the {@code N} of {@code boot/loader -> loader.N}, 0 when absent. */
    int bootversion() throws IOException {
        Path loader = root.resolve("boot/loader");
        if (!Files.isSymbolicLink(loader)) {
            return 0;
        }
        String target = Files.readSymbolicLink(loader).toString();
        if (target.equals("loader.0")) {
            return 0;
        }
        if (target.equals("loader.1")) {
            return 1;
        }
        throw new IOException(loader + ": unexpected target '" + target + "'");
    }

    /** The subbootversion of {@code bootversion}: the {@code S} of {@code ostree/boot.B -> boot.B.S}, 0 when absent. */
    int subbootversion(int bootversion) throws IOException {
        Path link = root.resolve("ostree/boot." + bootversion);
        if (!Files.isSymbolicLink(link)) {
            return 0;
        }
        String target = Files.readSymbolicLink(link).toString();
        if (target.equals("boot." + bootversion + ".0")) {
            return 0;
        }
        if (target.equals("boot." + bootversion + ".1")) {
            return 1;
        }
        throw new IOException(link + ": unexpected target '" + target + "'");
    }
}
