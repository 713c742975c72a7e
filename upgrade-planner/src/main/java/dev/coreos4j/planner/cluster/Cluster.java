package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a cluster's Kubernetes objects, as {@code oc get nodes,mcp,mc,pdb,pods,infrastructure -o json} prints them,
 * into a planner {@link Snapshot}. Every field comes from where the Machine Config Operator reads it:
 *
 * <ul>
 *   <li><b>Node</b>: {@code metadata.name}; the MCD annotations {@value #CURRENT_CONFIG}, {@value #DESIRED_CONFIG},
 *       {@value #STATE} ({@code Done}, {@code Working}, {@code Rebooting}, {@code Degraded}, {@code Unreconcilable};
 *       a missing state is read as {@code Working}: MCO counts it as not done and not failing),
 *       {@value #REASON}, {@value #CURRENT_IMAGE} and {@value #DESIRED_IMAGE} (an absent annotation is {@code null},
 *       no image; an empty one is read as absent, with a warning); readiness as MCO's
 *       {@code LayeredNodeState.CheckNodeReady} (condition {@code Ready} must be {@code True}, {@code DiskPressure}
 *       and {@code NetworkUnavailable} must be {@code False}; other conditions and absent ones do not matter);
 *       {@code spec.unschedulable}; the zone label {@value #ZONE_LABEL}; {@code metadata.creationTimestamp}
 *       (required); the drain record ({@value #DESIRED_DRAIN} equal to {@value #LAST_APPLIED_DRAIN} and to
 *       {@code drain-<desiredConfig>} means drained); as a coreos4j extension the annotation {@value #CORDONED_BY}
 *       records who cordoned the node (a controller driving the planner writes {@code coreos4j} there). A node
 *       without a {@code currentConfig} annotation is not managed by the MCO yet and a Windows node never is: both
 *       are left out with a warning; a node without a {@code desiredConfig} annotation reads as working towards its
 *       current config (MCO: not done).</li>
 *   <li><b>MachineConfigPool</b>: {@code spec.nodeSelector} for membership by {@link PoolMembership}'s rules
 *       (a node no pool can own is kept outside every pool, with a warning giving MCO's reason),
 *       {@code spec.configuration.name} as the target, {@code status.configuration.name} (when different) as the
 *       previous target, {@code spec.maxUnavailable} (an integer or {@code "N%"}, default 1), {@code spec.paused};
 *       the pool named {@code master} is the control plane. The target pins no OS image (image-mode targets live in
 *       MachineOSConfig objects, which are not read).</li>
 *   <li><b>MachineConfig</b>: rendered ones (owned by a pool, or named {@code rendered-…}) become the snapshot's
 *       {@code configs}; when a pool's target has no rendered MachineConfig among the objects, the pool's other
 *       MachineConfigs ({@code spec.machineConfigSelector}) are rendered with {@link dev.coreos4j.planner.render.Renderer}
 *       and stand for it.</li>
 *   <li><b>PodDisruptionBudget</b>: {@code spec.selector.matchLabels} ({@code matchExpressions} is an error),
 *       {@code spec.minAvailable} or {@code spec.maxUnavailable}; named {@code namespace/name}, and it covers only
 *       pods of its namespace (through the pseudo-label {@value #NAMESPACE_LABEL}).</li>
 *   <li><b>Pod</b>: pods a drain would evict on their {@code spec.nodeName}: not DaemonSet-owned, not mirror pods,
 *       not finished ({@code status.phase} Succeeded or Failed); named {@code namespace/name}.</li>
 *   <li><b>Infrastructure</b> ({@code config.openshift.io}): {@code status.controlPlaneTopology}.</li>
 * </ul>
 *
 * <p>Documents may be single objects or lists with {@code items}; several documents merge (an object given twice is
 * taken from the later document, with a warning). Other kinds are skipped with a warning. Malformed objects are
 * errors naming the document, the object's kind and name, the JSON path with line and column, and what is wrong;
 * every problem is reported, not only the first. Pure and thread-safe: {@code now} is an argument.
 */
public final class Cluster {

    /** The MCD annotation naming the rendered config the node runs. */
    public static final String CURRENT_CONFIG = "machineconfiguration.openshift.io/currentConfig";
    /** The annotation naming the rendered config the node was told to move to. */
    public static final String DESIRED_CONFIG = "machineconfiguration.openshift.io/desiredConfig";
    /** The MCD state annotation. */
    public static final String STATE = "machineconfiguration.openshift.io/state";
    /** The MCD's reason for a Degraded or Unreconcilable state. */
    public static final String REASON = "machineconfiguration.openshift.io/reason";
    /** The OS image the node runs (image mode). */
    public static final String CURRENT_IMAGE = "machineconfiguration.openshift.io/currentImage";
    /** The OS image the node was told to move to (image mode). */
    public static final String DESIRED_IMAGE = "machineconfiguration.openshift.io/desiredImage";
    /** The MCD's drain request. */
    public static final String DESIRED_DRAIN = "machineconfiguration.openshift.io/desiredDrain";
    /** The drain controller's record of the last drain request it completed. */
    public static final String LAST_APPLIED_DRAIN = "machineconfiguration.openshift.io/lastAppliedDrain";
    /** The zone label. */
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    /** The coreos4j annotation naming who cordoned a node. */
    public static final String CORDONED_BY = "coreos4j.dev/cordoned-by";
    /** The pseudo-label carrying a pod's namespace, so that a PDB covers only pods of its own namespace. */
    public static final String NAMESPACE_LABEL = "coreos4j.dev/namespace";

    private Cluster() {}

    /**
     * Reads the documents into a snapshot at {@code now}.
     *
     * @return the snapshot with the warnings, or every problem when some are errors; never throws for bad content
     * @throws NullPointerException if an argument is null
     */
    public static ClusterReadResult read(java.time.Instant now, List<ClusterInput> inputs) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(inputs, "inputs");
        return new ClusterReader(now).read(inputs);
    }

    /** {@link #read(java.time.Instant, List)} of documents named {@code input 1}, {@code input 2}, …. */
    public static ClusterReadResult read(java.time.Instant now, String... json) {
        List<ClusterInput> inputs = new ArrayList<>();
        for (int i = 0; i < json.length; i++) {
            inputs.add(new ClusterInput("input " + (i + 1), json[i]));
        }
        return read(now, inputs);
    }

    /**
     * Reads the documents into a snapshot at {@code now}.
     *
     * @throws InvalidClusterException carrying every problem when some are errors
     */
    public static Snapshot readOrThrow(java.time.Instant now, List<ClusterInput> inputs) {
        return read(now, inputs).snapshotOrThrow();
    }
}
