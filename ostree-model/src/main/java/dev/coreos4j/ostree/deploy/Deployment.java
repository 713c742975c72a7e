package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.util.Objects;

/**
 * One deployment: a checkout of {@code commit} under {@code ostree/deploy/<stateroot>/deploy/<commit>.<serial>}.
 *
 * @param stateroot the stateroot ("osname") it belongs to
 * @param commit the deployed commit
 * @param serial the deploy serial: 0 for the first deployment of this commit in the stateroot, then 1, 2, …
 * @param bootcsum SHA-256 over the kernel, initramfs (and devicetree) bytes; names {@code /boot/ostree/<stateroot>-<bootcsum>}
 * @param origin what the deployment follows
 * @param kernelArgs its kernel arguments (without {@code ostree=})
 * @param pinned whether garbage collection must keep it ({@code [libostree-transient] pinned=true})
 * @param staged whether it is the staged deployment that is finalized at shutdown (never in the bootloader yet)
 */
public record Deployment(
        String stateroot,
        Checksum commit,
        int serial,
        Checksum bootcsum,
        Origin origin,
        KernelArgs kernelArgs,
        boolean pinned,
        boolean staged) {

    /**
     * @throws IllegalArgumentException for an invalid stateroot name, a negative serial, or a pinned staged deployment
     */
    public Deployment {
        checkStateroot(stateroot);
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(bootcsum, "bootcsum");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kernelArgs, "kernelArgs");
        if (serial < 0) {
            throw new IllegalArgumentException("deploy serial must be >= 0: " + serial);
        }
        if (pinned && staged) {
            throw new IllegalArgumentException("a staged deployment cannot be pinned");
        }
    }

    /**
     * Checks a stateroot name: non-empty, no {@code /}, not {@code .} or {@code ..}, no white space or control characters.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String checkStateroot(String stateroot) {
        Objects.requireNonNull(stateroot, "stateroot");
        if (stateroot.isEmpty() || stateroot.equals(".") || stateroot.equals("..") || stateroot.indexOf('/') >= 0) {
            throw new IllegalArgumentException("invalid stateroot name: '" + stateroot + "'");
        }
        for (int i = 0; i < stateroot.length(); i++) {
            char c = stateroot.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("invalid stateroot name: '" + stateroot + "'");
            }
        }
        return stateroot;
    }

    /** {@code <commit>.<serial>}: the deployment directory name. */
    public String name() {
        return commit.hex() + "." + serial;
    }

    /** {@code <stateroot>-<commit>.<serial>}: rpm-ostree's deployment id. */
    public String id() {
        return stateroot + "-" + name();
    }

    /** The identity of this deployment inside a sysroot (pinning and staging do not change it). */
    public Key key() {
        return new Key(stateroot, commit, serial);
    }

    /** This deployment with {@code pinned} set. */
    public Deployment withPinned(boolean value) {
        return new Deployment(stateroot, commit, serial, bootcsum, origin, kernelArgs, value, staged);
    }

    /** This deployment with {@code staged} set. */
    public Deployment withStaged(boolean value) {
        return new Deployment(stateroot, commit, serial, bootcsum, origin, kernelArgs, pinned, value);
    }

    /**
     * The identity of a deployment: stateroot, commit and serial.
     *
     * @param stateroot the stateroot
     * @param commit the commit
     * @param serial the deploy serial
     */
    public record Key(String stateroot, Checksum commit, int serial) {
        /** Checks the parts like {@link Deployment}. */
        public Key {
            checkStateroot(stateroot);
            Objects.requireNonNull(commit, "commit");
            if (serial < 0) {
                throw new IllegalArgumentException("deploy serial must be >= 0: " + serial);
            }
        }

        @Override
        public String toString() {
            return stateroot + "-" + commit.hex() + "." + serial;
        }
    }
}
