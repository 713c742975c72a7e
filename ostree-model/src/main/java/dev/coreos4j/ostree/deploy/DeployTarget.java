package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.util.Objects;

/**
 * What to deploy: a commit of the system repository into a stateroot.
 *
 * @param stateroot the target stateroot ({@code --os})
 * @param commit the resolved commit
 * @param bootcsum the commit's boot checksum (kernel + initramfs)
 * @param origin what the new deployment follows
 */
public record DeployTarget(String stateroot, Checksum commit, Checksum bootcsum, Origin origin) {

    /** Checks the stateroot name and nulls. */
    public DeployTarget {
        Deployment.checkStateroot(stateroot);
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(bootcsum, "bootcsum");
        Objects.requireNonNull(origin, "origin");
    }
}
