package dev.coreos4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The demo chapter for issue #4 (ostree-model repository): says what it will show until that module lands. */
final class OstreeDemo implements DemoStep {

    @Override
    public String title() {
        return "OSTree: commit an OS tree and verify it";
    }

    @Override
    public void run(Path workdir, PrintWriter out) {
        out.println("Not built yet (issue #4 (ostree-model repository)). When it lands, this chapter will");
        out.println("commit a small OS tree (/usr/etc, a kernel and initramfs under /usr/lib/modules/<kver>/) to an archive repository, fsck it and show its log.");
    }
}
