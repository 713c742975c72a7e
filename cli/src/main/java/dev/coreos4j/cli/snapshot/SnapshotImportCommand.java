package dev.coreos4j.cli.snapshot;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.cli.plan.ClusterFiles;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.json.PlannerJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coreos4j snapshot import [--now=RFC3339] FILE...}: cluster objects to a planner snapshot. */
@Command(
        name = "import",
        header = "Read 'oc get … -o json' output into a planner snapshot.",
        mixinStandardHelpOptions = true,
        description = {
            "Reads what 'oc get nodes,mcp,mc,pdb,pods,infrastructure -o json' prints (single",
            "objects or lists; several files merge) and prints the planner snapshot JSON.",
            "Fields are read where the Machine Config Operator reads them. Warnings (nodes",
            "left out or outside every pool) go to stderr; malformed objects exit 2 naming",
            "the file, kind/name, JSON path and field.",
        })
public final class SnapshotImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--now", paramLabel = "RFC3339", description = "The snapshot's instant. Default: the current time.")
    String now;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON files of Kubernetes objects.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot s = ClusterFiles.read(files, ClusterFiles.now(spec, now), err, "coreos4j: snapshot import: ");
        if (s == null) {
            return ExitCode.USAGE;
        }
        out.print(PlannerJson.writeSnapshot(s));
        out.flush();
        return ExitCode.OK;
    }
}
