package dev.coreos4j.cli.plan;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.planner.Blocked;
import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.PoolStatus;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.Wave;
import dev.coreos4j.planner.json.PlannerJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j plan [--format=text|json] [--rollback] FILE}: the whole rollout as waves, plus why blocked nodes do
 * not move. Subcommands beside the positional FILE: {@code next FILE} (and others registered by the lead).
 */
@Command(
        name = "plan",
        header = "Plan a rolling upgrade of a fleet, or a path through an update graph.",
        mixinStandardHelpOptions = true,
        subcommands = {PlanNextCommand.class, PlanGraphCommand.class, PlanRenderCommand.class},
        description = {
            "Plans a rolling upgrade from a cluster snapshot (JSON): waves of nodes that",
            "move together under every pool's maxUnavailable, control-plane quorum, PDBs,",
            "maintenance windows, locks and limits, and a reason for every node that does",
            "not move. Invalid snapshots exit 2 with one line naming the JSON field.",
        })
public final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output format: text (a table with a per-pool summary) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--rollback",
            description = "Plan the rollback instead: every pool with a 'previous' target goes back to it; other"
                    + " pools are held.")
    boolean rollback;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The snapshot JSON file.")
    Path file;

    @Option(
            names = "--cluster",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Plan from the cluster's objects instead of a snapshot: what 'oc get"
                    + " nodes,mcp,mc,pdb,pods,infrastructure -o json' prints (as 'coreos4j snapshot import' reads it).")
    List<Path> cluster;

    @Option(
            names = "--now",
            paramLabel = "RFC3339",
            description = "With --cluster: the snapshot's instant. Default: the current time.")
    String now;

    @Override
    public Integer call() throws IOException {
        checkSource(spec, file, cluster, now);
        checkFormat(spec, format);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot snapshot;
        if (cluster != null) {
            snapshot = ClusterFiles.read(cluster, ClusterFiles.now(spec, now), err, "coreos4j: plan: ");
            if (snapshot == null) {
                return ExitCode.USAGE;
            }
        } else {
            try {
                snapshot = read(file);
            } catch (InvalidSnapshotException e) {
                err.println("coreos4j: plan: " + file + ": " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
        }
        Plan plan = rollback ? Planner.rollback(snapshot) : Planner.plan(snapshot);
        if (format.equals("json")) {
            out.print(PlannerJson.writePlan(plan, snapshot.now()));
        } else {
            out.print(text(plan, snapshot, rollback));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Exactly one of a snapshot FILE and {@code --cluster FILE...}; {@code --now} only with the latter. */
    static void checkSource(CommandSpec spec, Path file, List<Path> cluster, String now) {
        if (file == null && cluster == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        if (file != null && cluster != null) {
            throw new ParameterException(spec.commandLine(), "give a snapshot FILE or --cluster FILE..., not both");
        }
        if (now != null && cluster == null) {
            throw new ParameterException(spec.commandLine(), "--now needs --cluster (a snapshot carries its own now)");
        }
    }

    static void checkFormat(CommandSpec spec, String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, got '" + format + "'");
        }
    }

    /** Reads and parses the snapshot; I/O problems propagate (exit 2), content problems are typed. */
    static Snapshot read(Path file) throws IOException {
        String json = dev.coreos4j.cli.InputFiles.readUtf8(file, true);
        return PlannerJson.readSnapshot(json);
    }

    /** The human-readable plan: waves as a table, blocked nodes with reasons, notes if any, and a summary per pool. */
    static String text(Plan plan, Snapshot snapshot, boolean rollback) {
        StringBuilder b = new StringBuilder();
        b.append(rollback ? "Rollback plan" : "Plan")
                .append(" for ")
                .append(snapshot.nodes().size())
                .append(" node(s) in ")
                .append(snapshot.pools().size())
                .append(" pool(s) at ")
                .append(snapshot.now())
                .append(": ")
                .append(plan.waves().size())
                .append(" wave(s)\n");
        if (!plan.waves().isEmpty()) {
            // The START column only when a wave waits for a maintenance window.
            boolean later = plan.waves().stream().anyMatch(w -> !w.start().equals(snapshot.now()));
            List<String[]> rows = new ArrayList<>();
            rows.add(
                    later
                            ? new String[] {"WAVE", "START", "NODE", "POOL", "STEPS"}
                            : new String[] {"WAVE", "NODE", "POOL", "STEPS"});
            for (Wave w : plan.waves()) {
                for (Wave.Entry e : w.nodes()) {
                    String steps = String.join(" ", e.steps());
                    rows.add(
                            later
                                    ? new String[] {
                                        Integer.toString(w.index()), w.start().toString(), e.name(), e.pool(), steps
                                    }
                                    : new String[] {Integer.toString(w.index()), e.name(), e.pool(), steps});
                }
            }
            table(b, rows);
        }
        if (!plan.blocked().isEmpty()) {
            b.append("\nNot moving:\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NODE", "POOL", "REASON", "DETAIL"});
            for (Blocked x : plan.blocked()) {
                rows.add(new String[] {
                    x.node(), x.pool() == null ? "-" : x.pool(), x.reason().wireName(), x.detail()
                });
            }
            table(b, rows);
        }
        if (!plan.notes().isEmpty()) {
            b.append("\nNotes:\n");
            for (String note : plan.notes()) {
                b.append("  ").append(note).append('\n');
            }
        }
        Map<String, Integer> wavesPerPool = new TreeMap<>();
        for (Wave w : plan.waves()) {
            w.nodes().stream().map(Wave.Entry::pool).distinct().forEach(p -> wavesPerPool.merge(p, 1, Integer::sum));
        }
        b.append("\nPools:\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "POOL", "MACHINES", "UPDATED NOW", "AFTER PLAN", "UNAVAILABLE", "DEGRADED", "WAVES", "STATUS"
        });
        for (int i = 0; i < plan.before().size(); i++) {
            PoolStatus s0 = plan.before().get(i);
            PoolStatus s1 = plan.after().get(i);
            String status =
                    s0.isDegraded() ? "Degraded" : s0.isUpdated() ? "Updated" : s0.isUpdating() ? "Updating" : "Paused";
            rows.add(new String[] {
                s0.pool(),
                Integer.toString(s0.machineCount()),
                s0.updated() + "/" + s0.machineCount(),
                s1.updated() + "/" + s1.machineCount(),
                Integer.toString(s0.unavailable()),
                Integer.toString(s0.degraded()),
                Integer.toString(wavesPerPool.getOrDefault(s0.pool(), 0)),
                status
            });
        }
        table(b, rows);
        return b.toString();
    }

    static void table(StringBuilder b, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
