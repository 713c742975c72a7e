package dev.coreos4j.ostree.deploy;

import dev.coreos4j.ostree.Checksum;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small fixed values for deployment tests. */
final class Fixtures {

    static final Checksum C1 = Checksum.sha256("commit-1".getBytes(StandardCharsets.UTF_8));
    static final Checksum C2 = Checksum.sha256("commit-2".getBytes(StandardCharsets.UTF_8));
    static final Checksum C3 = Checksum.sha256("commit-3".getBytes(StandardCharsets.UTF_8));
    static final Checksum C4 = Checksum.sha256("commit-4".getBytes(StandardCharsets.UTF_8));
    static final List<Checksum> COMMITS = List.of(C1, C2, C3, C4);
    static final Checksum BOOT_A = Checksum.sha256("kernel-a".getBytes(StandardCharsets.UTF_8));
    static final Checksum BOOT_B = Checksum.sha256("kernel-b".getBytes(StandardCharsets.UTF_8));

    private Fixtures() {}

    static DeployTarget target(String os, Checksum commit) {
        Checksum boot = commit.equals(C1) || commit.equals(C3) ? BOOT_A : BOOT_B;
        return new DeployTarget(os, commit, boot, Origin.ofRefspec(os + "/stable"));
    }

    static DeploymentList applied(Transition t) {
        if (!t.isApplied()) {
            throw new AssertionError("expected applied, got " + t.refusal());
        }
        return t.list();
    }

    /** A booted fedora sysroot: [C2 (booted), C1 (rollback)]. */
    static DeploymentList bootedTwo() {
        DeploymentList l = applied(DeploymentList.EMPTY.initStateroot("fedora"));
        l = applied(l.deploy(
                target("fedora", C1), DeployOptions.DEFAULTS.withKargEdits(List.of(KargEdit.set("root=LABEL=root")))));
        l = applied(l.boot(0));
        l = applied(l.deploy(target("fedora", C2), DeployOptions.DEFAULTS));
        return applied(l.boot(0));
    }
}
