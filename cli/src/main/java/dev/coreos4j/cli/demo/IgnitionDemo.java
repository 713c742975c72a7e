package dev.coreos4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The demo chapter for issue #3 (ignition-model): says what it will show until that module lands. */
final class IgnitionDemo implements DemoStep {

    @Override
    public String title() {
        return "Ignition: build, validate, write, merge";
    }

    @Override
    public void run(Path workdir, PrintWriter out) {
        out.println("Not built yet (issue #3 (ignition-model)). When it lands, this chapter will");
        out.println("build a realistic config with the builders (an SSH user, a systemd unit with a drop-in, files with inline and remote contents, a LUKS-on-RAID layout), validate it, write it as spec 3.6.0 and 3.4.0, and show a merge.");
    }
}
