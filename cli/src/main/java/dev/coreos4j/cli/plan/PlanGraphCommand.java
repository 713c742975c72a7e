package dev.coreos4j.cli.plan;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.planner.graph.Blocker;
import dev.coreos4j.planner.graph.EusSegment;
import dev.coreos4j.planner.graph.Hop;
import dev.coreos4j.planner.graph.PathRequest;
import dev.coreos4j.planner.graph.PathResult;
import dev.coreos4j.planner.graph.RiskEvaluation;
import dev.coreos4j.planner.graph.RiskInputs;
import dev.coreos4j.planner.graph.RiskOutcome;
import dev.coreos4j.planner.graph.UpdateGraph;
import dev.coreos4j.planner.graph.UpdatePath;
import dev.coreos4j.planner.graph.UpdatePathPlanner;
import dev.coreos4j.planner.graph.WorkerPools;
import dev.coreos4j.planner.json.GraphReadResult;
import dev.coreos4j.planner.json.PathResultJson;
import dev.coreos4j.planner.json.UpdateGraphReader;
import dev.coreos4j.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code coreos4j plan graph}: plans the version path through an OpenShift (Cincinnati) or Fedora CoreOS update graph
 * and prints each hop with the reason it is allowed. Exit 0 with a path, 1 when no path exists (with the reason), 2
 * for usage errors, unreadable files and malformed graphs.
 */
@Command(
        name = "graph",
        mixinStandardHelpOptions = true,
        description = {
            "Plan the version path through an update graph (OpenShift update service / Cincinnati JSON, or the"
                    + " Fedora CoreOS update graph) and show why each hop is allowed.",
            "Hops take recommended edges, or conditional edges whose risks do not apply or are accepted; minor"
                    + " versions are never skipped; with --to, channel changes within the channel's family are"
                    + " planned and shown; with --latest the path stays in the channel."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   a path was found",
            "  1   no valid path exists (the reason and the blocking edges are printed)",
            "  2   usage error, unreadable file or malformed graph"
        })
public final class PlanGraphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--graph", required = true, paramLabel = "FILE", description = "The update graph JSON file.")
    Path graphFile;

    @Option(names = "--from", required = true, paramLabel = "VERSION", description = "The version running now.")
    String from;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one of {@code --to} and {@code --latest}. */
    static final class Target {
        @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The version to reach.")
        String to;

        @Option(names = "--latest", required = true, description = "Go to the newest reachable release.")
        boolean latest;
    }

    @Option(
            names = "--channel",
            paramLabel = "NAME",
            description = "The subscribed channel, e.g. stable-4.16 (OpenShift graphs only).")
    String channel;

    @Option(
            names = "--accept-risk",
            paramLabel = "NAME",
            description = "Accept a named risk: conditional edges it blocks may be taken. Repeatable.")
    List<String> acceptedRisks = new ArrayList<>();

    @Option(
            names = "--risk-outcome",
            paramLabel = "NAME=OUTCOME",
            description = "The outcome of a risk's PromQL rules on this cluster: match, nomatch or unknown. NAME is a"
                    + " risk name or an exact PromQL query. Unlisted queries count as unknown. Repeatable.")
    List<String> riskOutcomes = new ArrayList<>();

    @Option(
            names = "--eus",
            description = "Control-plane-only (EUS-to-EUS) plan: workers paused over odd minors, reboot once per"
                    + " even minor.")
    boolean eus;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output format: text (default) or json.")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, got '" + format + "'");
        }
        PathRequest request = request();

        byte[] bytes;
        try {
            bytes = dev.coreos4j.cli.InputFiles.read(graphFile);
        } catch (dev.coreos4j.cli.InputFiles.BadInputException e) {
            return fail(err, e.getMessage());
        } catch (NoSuchFileException e) {
            return fail(err, "no such file: " + graphFile);
        } catch (IOException e) {
            return fail(err, "cannot read " + graphFile + ": " + e.getMessage());
        }
        GraphReadResult read = UpdateGraphReader.read(bytes);
        if (!read.isValid()) {
            List<Problem> problems = read.problems().all();
            problems.stream().skip(1).forEach(p -> err.println("  " + ProblemLine.of(p)));
            return fail(
                    err,
                    graphFile + ": malformed update graph: " + ProblemLine.of(problems.get(0))
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, above)" : ""));
        }
        UpdateGraph graph = Objects.requireNonNull(read.graph(), "a valid read has a graph");
        PathResult result = UpdatePathPlanner.plan(graph, request);

        if (fmt.equals("json")) {
            out.println(PathResultJson.write(request, result));
        } else if (result instanceof PathResult.Found found) {
            printPath(out, found.path());
        } else {
            printNoPath(out, request, (PathResult.NoPath) result);
        }
        out.flush();
        if (result instanceof PathResult.NoPath noPath) {
            err.println("coreos4j: " + noPath.reason());
            err.flush();
            return ExitCode.INVALID;
        }
        return ExitCode.OK;
    }

    private PathRequest request() {
        Map<String, RiskOutcome> outcomes = new LinkedHashMap<>();
        for (String entry : riskOutcomes) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new ParameterException(
                        spec.commandLine(), "--risk-outcome expects NAME=match|nomatch|unknown, got '" + entry + "'");
            }
            try {
                outcomes.put(entry.substring(0, eq), RiskOutcome.parse(entry.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--risk-outcome " + entry + ": " + e.getMessage());
            }
        }
        PathRequest request = target.latest ? PathRequest.latest(from) : PathRequest.to(from, target.to);
        return request.withChannel(channel)
                .withRisks(new RiskInputs(outcomes, Set.copyOf(acceptedRisks)))
                .withEus(eus);
    }

    private static int fail(PrintWriter err, @Nullable String message) {
        err.println("coreos4j: " + message);
        err.flush();
        return ExitCode.USAGE;
    }

    static void printPath(PrintWriter out, UpdatePath path) {
        int n = path.hops().size();
        if (n == 0) {
            out.println("Already at " + path.to() + ": nothing to do.");
            return;
        }
        List<String> accepted = path.acceptedRisks();
        out.println("Path " + path.from() + " -> " + path.to() + ": " + n + (n == 1 ? " hop" : " hops")
                + ", " + plural(path.channelChanges(), "channel change") + ", "
                + (accepted.isEmpty() ? "no accepted risks" : "accepted risks: " + String.join(", ", accepted)));
        for (int i = 0; i < n; i++) {
            Hop h = path.hops().get(i);
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%3d. %s -> %s  %s",
                    i + 1,
                    h.from(),
                    h.to(),
                    h.kind().name().toLowerCase(Locale.ROOT)));
            if (h.changesChannel()) {
                line.append("  [channel ")
                        .append(h.previousChannel())
                        .append(" -> ")
                        .append(h.channel())
                        .append(']');
            } else if (h.channel() != null) {
                line.append("  [").append(h.channel()).append(']');
            }
            if (h.workers() == WorkerPools.PAUSED) {
                line.append("  control plane only, workers paused");
            } else if (h.workers() == WorkerPools.UNPAUSED) {
                line.append("  control plane, then workers unpaused (one reboot to ")
                        .append(h.to())
                        .append(')');
            }
            out.println(line);
            out.println("     allowed: " + h.reason());
            for (RiskEvaluation ev : h.risks()) {
                if (!ev.risk().url().isEmpty()) {
                    out.println(
                            "     risk " + ev.risk().name() + ": " + ev.risk().url());
                }
            }
        }
        for (Blocker b : path.notRecommended()) {
            out.println("  not taken: " + b.edge() + "  " + b.message());
        }
        if (path.eus() != null) {
            int perNode = path.eus().workerRebootsPerNode();
            out.println("Control-plane-only (EUS) plan: each worker node reboots " + plural(perNode, "time")
                    + " instead of " + n + " (" + path.eus().workerRebootsSavedPerNode() + " saved per worker node).");
            for (EusSegment s : path.eus().segments()) {
                out.println("  workers paused at " + s.workersFrom()
                        + (s.controlPlaneOnly().isEmpty()
                                ? ""
                                : ", control plane through " + String.join(", ", s.controlPlaneOnly()))
                        + ", workers unpaused at " + s.unpauseAt());
            }
        } else {
            out.println("Every node reboots once per hop: " + plural(n, "reboot") + " per node.");
        }
    }

    static void printNoPath(PrintWriter out, PathRequest request, PathResult.NoPath none) {
        out.println("No path from " + request.from() + " to " + (request.latest() ? "a newer release" : request.to())
                + ". Blocked by:");
        for (Blocker b : none.blockers()) {
            out.println("  " + (b.edge() == null ? "" : b.edge() + "  ") + b.code() + "  " + b.message());
        }
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
