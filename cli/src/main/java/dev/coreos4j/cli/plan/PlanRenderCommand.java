package dev.coreos4j.cli.plan;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.planner.ChangeAnalysis;
import dev.coreos4j.planner.Disruption;
import dev.coreos4j.planner.DisruptionPolicies;
import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.planner.render.ConfigDerivation;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.RenderException;
import dev.coreos4j.planner.render.Renderer;
import dev.coreos4j.planner.render.Rendering;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code coreos4j plan render --pool NAME [--os-image URL] [--os-image-stream NAME] [--current FILE]
 * [--format=text|json] MC.json...}:
 * renders a pool's MachineConfigs like MCO's render controller and, with {@code --current}, says how disruptive
 * moving a node from the current rendered config to the new one is (default node disruption policies).
 */
@Command(
        name = "render",
        header = "Render a pool's MachineConfigs and show what the change costs a node.",
        mixinStandardHelpOptions = true,
        description = {
            "Reads MachineConfigs ('oc get mc NAME -o json' or the flat form), orders",
            "them like MCO (worker role first by name, then the rest by name) and merges",
            "them with Ignition's merge. Prints the rendered name, the kernel fields and",
            "the merged Ignition config; with --current (a rendered MachineConfig, e.g.",
            "the 'machineConfig' of a --format=json run) also the disruption of the",
            "change under MCO's default node disruption policies.",
            "Exit 1 when the MCs cannot be rendered or the change cannot be applied in",
            "place, 2 when a file cannot be read.",
        })
public final class PlanRenderCommand implements Callable<Integer> {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Option(
            names = "--pool",
            required = true,
            paramLabel = "NAME",
            description = "The pool name (in the rendered" + " name).")
    String pool;

    @Option(
            names = "--os-image",
            paramLabel = "URL",
            description = "The cluster's OS image, used unless a" + " non-generated MachineConfig overrides it.")
    String osImage;

    @Option(
            names = "--os-image-stream",
            paramLabel = "NAME",
            description =
                    "The pool's OS image stream; an" + " osImageURL override from a MachineConfig is then an error.")
    String osImageStream;

    @Option(
            names = "--current",
            paramLabel = "FILE",
            description = "The node's current rendered MachineConfig," + " to compute the disruption against.")
    Path current;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output format: text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Parameters(
            index = "0..*",
            arity = "1..*",
            paramLabel = "MC.json",
            description = "The MachineConfigs the pool" + " selects.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PlanCommand.checkFormat(spec, format);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MachineConfig> mcs = new ArrayList<>();
        MachineConfig currentMc = null;
        Path reading = null;
        Rendering rendering;
        try {
            for (Path f : files) {
                reading = f;
                mcs.add(read(f));
            }
            if (current != null) {
                reading = current;
                currentMc = read(current);
            }
            reading = null;
            rendering = Renderer.render(pool, mcs, osImage, osImageStream);
        } catch (InvalidSnapshotException e) {
            err.println("coreos4j: plan render: " + reading + ": " + e.getMessage());
            err.flush();
            return ExitCode.INVALID;
        } catch (RenderException e) {
            err.println("coreos4j: plan render: " + e.getMessage()
                    + (e.path() != null && !String.valueOf(e.getMessage()).contains(e.path())
                            ? " at " + e.path()
                            : ""));
            err.flush();
            return ExitCode.INVALID;
        } catch (IllegalArgumentException e) {
            err.println("coreos4j: plan render: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID;
        }
        ChangeAnalysis analysis = currentMc == null
                ? null
                : DisruptionPolicies.defaults().analyze(ConfigDerivation.of(currentMc), rendering.renderedConfig());
        try {
            if (format.equals("json")) {
                out.print(json(rendering, currentMc, analysis));
            } else {
                out.print(text(rendering, currentMc, analysis));
            }
        } catch (IgnitionException e) {
            err.println("coreos4j: plan render: the merged config cannot be written: " + e.getMessage());
            err.flush();
            return ExitCode.INVALID;
        }
        out.flush();
        return analysis instanceof ChangeAnalysis.Irreconcilable ? ExitCode.INVALID : ExitCode.OK;
    }

    private static MachineConfig read(Path file) throws IOException {
        return PlannerJson.readMachineConfig(dev.coreos4j.cli.InputFiles.readUtf8(file, true));
    }

    static String text(Rendering r, @Nullable MachineConfig currentMc, @Nullable ChangeAnalysis analysis) {
        MachineConfig mc = r.machineConfig();
        StringBuilder b = new StringBuilder();
        b.append(mc.name()).append('\n');
        b.append("  merged from:     ")
                .append(String.join(", ", r.mergeOrder()))
                .append('\n');
        b.append("  kernelArguments: ")
                .append(String.join(" ", mc.kernelArguments()))
                .append('\n');
        b.append("  extensions:      ")
                .append(String.join(" ", mc.extensions()))
                .append('\n');
        b.append("  fips:            ").append(mc.fips()).append('\n');
        b.append("  kernelType:      ").append(mc.kernelType()).append('\n');
        b.append("  osImageURL:      ")
                .append(mc.osImageURL() == null ? "-" : mc.osImageURL())
                .append(r.osImageOverridden() ? " (overridden)" : "")
                .append('\n');
        if (analysis != null) {
            b.append("  disruption vs ")
                    .append(Objects.requireNonNull(currentMc).name())
                    .append(": ")
                    .append(summary(analysis));
            if (analysis instanceof ChangeAnalysis.Irreconcilable irreconcilable) {
                List<String> from = r.sourcesOf(irreconcilable.path());
                if (!from.isEmpty()) {
                    b.append(" (from ").append(String.join(", ", from)).append(')');
                }
            }
            b.append('\n');
        }
        String header = b.toString().replaceAll(" +\n", "\n");
        b.setLength(0);
        b.append(header).append("Ignition:\n");
        b.append(PlannerJson.writeIgnition(mc.config()));
        return b.toString();
    }

    /** One line: the actions and what they imply, or why the change is refused. */
    static String summary(ChangeAnalysis analysis) {
        if (analysis instanceof ChangeAnalysis.Irreconcilable i) {

            return "cannot be applied in place: " + i.path() + ": " + i.message();
        }
        Disruption d = ((ChangeAnalysis.Reconcilable) analysis).disruption();
        String actions = d.actions().stream()
                .map(Object::toString)
                .reduce((x, y) -> x + ", " + y)
                .orElse("");
        String impact = d.needsReboot()
                ? "drain and reboot"
                : d.needsDrain()
                        ? "drain, no reboot"
                        : d.level() == 0 ? "nothing to do on the node" : "no drain, no reboot";
        return actions + " (" + impact + ")";
    }

    static String json(Rendering r, @Nullable MachineConfig currentMc, @Nullable ChangeAnalysis analysis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", r.name());
        ArrayNode order = root.putArray("mergeOrder");
        r.mergeOrder().forEach(order::add);
        root.put("osImageOverridden", r.osImageOverridden());
        JsonNode mc = MAPPER.readTree(PlannerJson.writeMachineConfig(r.machineConfig()));
        root.set("machineConfig", mc);
        if (analysis != null) {
            ObjectNode d = root.putObject("disruption");
            d.put("current", Objects.requireNonNull(currentMc).name());
            if (analysis instanceof ChangeAnalysis.Irreconcilable i) {

                d.put("reconcilable", false);
                d.put("path", i.path());
                d.put("message", i.message());
                ArrayNode from = d.putArray("machineConfigs");
                r.sourcesOf(i.path()).forEach(from::add);
            } else {
                Disruption x = ((ChangeAnalysis.Reconcilable) analysis).disruption();
                d.put("reconcilable", true);
                ArrayNode actions = d.putArray("actions");
                x.actions().forEach(a -> actions.add(a.toString()));
                d.put("drain", x.needsDrain());
                d.put("reboot", x.needsReboot());
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
