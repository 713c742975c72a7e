package dev.coreos4j.planner.json;

import dev.coreos4j.planner.InvalidSnapshotException;
import dev.coreos4j.planner.NextStep;
import dev.coreos4j.planner.Plan;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.render.ConfigDerivation;
import dev.coreos4j.planner.render.MachineConfig;
import dev.coreos4j.planner.render.Renderer;
import java.time.Instant;

/**
 * The snapshot JSON format (read) and the plan / next-step JSON formats (write). Reading is strict about types and
 * values and lenient about unknown fields; every error names the JSON path. Output is a function of the snapshot's
 * content only (never of input array order).
 *
 * <p>Snapshot: {@code now} (RFC 3339, required), {@code pools[]} ({@code name}, {@code controlPlane},
 * {@code maxUnavailable} int or "N%" (default 1), {@code paused}, {@code aborted}, {@code target{config,osImage}},
 * {@code previous{…}}, {@code updateOrder} OldestFirst|NewestFirst, {@code deferredNode}, {@code failureThreshold},
 * {@code lockGroup}), {@code nodes[]} ({@code name}, {@code pool}, {@code zone}, {@code created}, {@code ready}
 * (default true), {@code unschedulable}, {@code cordonedBy}, {@code currentConfig} (required), {@code desiredConfig}
 * (default current), {@code currentImage}, {@code desiredImage} (default current; an explicit {@code null} is no
 * desired image, MCO's node leaving image mode; images are never blank), {@code state} (default Done),
 * {@code reason}, {@code drained}, {@code staged}, {@code pods[{name,labels}]}), and optional {@code configs},
 * {@code disruptionPolicies}, {@code pdbs}, {@code windows}, {@code locks}, {@code limits}, {@code topology}
 * (HighlyAvailable (default), SingleReplica or HighlyAvailableArbiter) and {@code acceptAvailabilityLoss} (default
 * false).
 *
 * <p>A {@code configs} entry (name → rendered config) takes one of three forms: hashes ({@code files},
 * {@code units}, {@code users}, {@code storage}, {@code kernelArguments}, {@code extensions}, {@code fips},
 * {@code kernelType}, {@code osImage}); an Ignition config ({@code ignition} with {@code kernelArguments},
 * {@code extensions}, {@code fips}, {@code kernelType}, {@code osImageURL}), derived with
 * {@link ConfigDerivation#of(MachineConfig)}; or MachineConfigs to render ({@code pool}, {@code osImageURL} = the
 * cluster's image, {@code osImageStream}, {@code machineConfigs[]} in {@link #readMachineConfig} form), rendered with {@link Renderer}.
 */
public final class PlannerJson {

    private PlannerJson() {}

    /**
     * Parses a snapshot document. Reading goes on past a pool, node, lock group, config, PDB or window that cannot be
     * read, so the exception reports the first problem of every such item ({@link SnapshotRule}s, at RFC 9535 paths).
     *
     * @throws InvalidSnapshotException carrying every problem found; its message starts with the first one's path
     */
    public static Snapshot readSnapshot(String json) {
        return SnapshotReader.readSnapshot(json);
    }

    /**
     * Parses one MachineConfig document, in either shape:
     * <ul>
     *   <li>Kubernetes ({@code oc get mc NAME -o json}): {@code metadata.name}, {@code metadata.labels},
     *       {@code metadata.annotations} (the {@code machineconfiguration.openshift.io/generated-by-controller-version}
     *       annotation marks it generated), {@code spec.config} (an Ignition 3.x config, may be absent),
     *       {@code spec.kernelArguments}, {@code spec.extensions}, {@code spec.fips}, {@code spec.kernelType},
     *       {@code spec.osImageURL};</li>
     *   <li>flat: {@code name}, {@code labels}, {@code ignition}, {@code kernelArguments}, {@code extensions},
     *       {@code fips}, {@code kernelType}, {@code osImageURL}, {@code generated}.</li>
     * </ul>
     * The Ignition config is read with {@link dev.coreos4j.ignition.Ignition#parse(String)}; its errors are reported
     * at the snapshot path followed by the Ignition path ({@code $.ignition.storage.files[0].path}).
     *
     * @throws InvalidSnapshotException carrying the ({@link SnapshotRule}) problem, its message starting with its path
     */
    public static MachineConfig readMachineConfig(String json) {
        return MachineConfigJson.readMachineConfig(json);
    }

    /**
     * {@code mc} as a Kubernetes MachineConfig object ({@code apiVersion}, {@code kind}, {@code metadata.name},
     * {@code metadata.labels}, {@code spec.config} written as Ignition 3.6.0, {@code spec.kernelArguments},
     * {@code spec.extensions}, {@code spec.fips}, {@code spec.kernelType}, {@code spec.osImageURL}), pretty-printed.
     * A generated MC carries the {@code generated-by-controller-version} annotation with the value {@code coreos4j}.
     * {@link #readMachineConfig} reads it back to an equal value (up to the Ignition version, which becomes 3.6.0).
     *
     * @throws dev.coreos4j.ignition.IgnitionException if the Ignition config cannot be written as 3.6.0
     */
    public static String writeMachineConfig(MachineConfig mc) {
        return MachineConfigJson.writeMachineConfig(mc);
    }

    /**
     * {@code config} written as Ignition JSON (3.6.0, or 3.7.0-experimental for such a config), pretty-printed with
     * a trailing newline.
     *
     * @throws dev.coreos4j.ignition.IgnitionException if the config cannot be written in that version
     */
    public static String writeIgnition(dev.coreos4j.ignition.Config config) {
        return MachineConfigJson.writeIgnition(config);
    }

    /**
     * {@code snapshot} as snapshot JSON, pretty-printed with a trailing newline: every field {@link #readSnapshot}
     * reads, written explicitly (no defaults left to the reader), pools, nodes and PDBs in name order, configs in
     * their hash form (with {@code fixed} and {@code refused} entries). {@code readSnapshot(writeSnapshot(s))}
     * equals {@code s} with one limit of the format: disruption policies are read over MCO's defaults (a snapshot
     * whose policies drop a default entry reads back with it). A node leaving image mode (a current image, no desired
     * image) is written with an explicit {@code "desiredImage": null}. Window start times are written to the minute.
     */
    public static String writeSnapshot(Snapshot snapshot) {
        return SnapshotWriter.writeSnapshot(snapshot);
    }

    /**
     * The plan as JSON: {@code {"waves":[{"index":0,"nodes":[{"name","pool","steps":[…]}]}],
     * "blocked":[{"node","pool","reason","detail"}]}}. A wave that starts later than {@code now} (a maintenance
     * window) also carries {@code "start"}; a plan with {@link Plan#notes() notes} adds {@code "notes":[…]}.
     */
    public static String writePlan(Plan plan, Instant now) {
        return PlanWriter.writePlan(plan, now);
    }

    /**
     * The next step as JSON: {@code {"actions":[{"node","pool","action",…}], "blocked":[…]}}; SetDesired adds
     * {@code config} and {@code osImage}, locks add {@code group}, Apply adds {@code postActions} and
     * {@code finalizes}.
     */
    public static String writeNext(NextStep step, Snapshot snapshot) {
        return PlanWriter.writeNext(step, snapshot);
    }
}
