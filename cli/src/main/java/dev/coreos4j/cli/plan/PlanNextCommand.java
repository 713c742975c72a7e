package dev.coreos4j.cli.plan;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.planner.Action;
import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.json.PlannerJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coreos4j plan next [--format=text|json] FILE}: only the actions to take now. */
@Command(
        name = "next",
        mixinStandardHelpOptions = true,
        description = {
            "Prints only the actions to take at the snapshot's 'now', one per line:",
            "NODE POOL ACTION [details]. With --format=json it also lists every node",
            "that does not move, with its reason.",
        })
public final class PlanNextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output format: text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The snapshot JSON file.")
    Path file;

    @Option(
            names = "--cluster",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Plan from the cluster's objects ('oc get … -o json' output) instead of a snapshot.")
    List<Path> cluster;

    @Option(
            names = "--now",
            paramLabel = "RFC3339",
            description = "With --cluster: the snapshot's instant. Default: the current time.")
    String now;

    @Override
    public Integer call() throws IOException {
        PlanCommand.checkSource(spec, file, cluster, now);
        PlanCommand.checkFormat(spec, format);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot snapshot;
        if (cluster != null) {
            snapshot = ClusterFiles.read(cluster, ClusterFiles.now(spec, now), err, "coreos4j: plan next: ");
            if (snapshot == null) {
                return ExitCode.USAGE;
            }
        } else {
            try {
                snapshot = PlanCommand.read(file);
            } catch (InvalidSnapshotException e) {
                err.println("coreos4j: plan next: " + file + ": " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
        }
        NextStep step = Planner.next(snapshot);
        if (format.equals("json")) {
            out.print(PlannerJson.writeNext(step, snapshot));
        } else {
            for (Action a : step.actions()) {
                out.println(line(a, snapshot));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String line(Action a, Snapshot snapshot) {
        // the planner acts only on nodes of the snapshot
        String pool = Objects.requireNonNull(snapshot.node(a.node()), "an action's node")
                .pool();
        String text = a.node() + " " + pool + " " + a.step();
        if (a instanceof Action.SetDesired setDesired) {
            text += " " + setDesired.target();
        } else if (a instanceof Action.AcquireLock acquireLock) {
            text += " " + acquireLock.group();
        } else if (a instanceof Action.ReleaseLock releaseLock) {
            text += " " + releaseLock.group();
        } else if (a instanceof Action.Apply apply) {

            text += " " + apply.postActions() + (apply.finalizes() ? "" : " (staged for reboot)");
        }
        return text;
    }
}
