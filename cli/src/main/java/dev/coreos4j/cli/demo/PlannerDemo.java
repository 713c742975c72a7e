package dev.coreos4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The demo chapter for issue #6 (upgrade-planner): says what it will show until that module lands. */
final class PlannerDemo implements DemoStep {

    @Override
    public String title() {
        return "Fleet upgrade plan";
    }

    @Override
    public void run(Path workdir, PrintWriter out) {
        out.println("Not built yet (issue #6 (upgrade-planner)). When it lands, this chapter will");
        out.println("plan a 3-master/12-worker/2-zone cluster, show the waves, then a pause and a rollback.");
    }
}
