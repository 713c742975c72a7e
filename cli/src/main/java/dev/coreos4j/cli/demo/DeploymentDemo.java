package dev.coreos4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The demo chapter for issue #5 (ostree-model deployments): says what it will show until that module lands. */
final class DeploymentDemo implements DemoStep {

    @Override
    public String title() {
        return "Deployments: deploy, stage, finalize, roll back";
    }

    @Override
    public void run(Path workdir, PrintWriter out) {
        out.println("Not built yet (issue #5 (ostree-model deployments)). When it lands, this chapter will");
        out.println("deploy two commits into a sysroot, stage a third, finalize it, roll back, and show status after each step.");
    }
}
