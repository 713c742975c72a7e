package dev.coreos4j.planner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Node disruption policies: which actions a changed file (longest matching path prefix), unit (exact name) or SSH key
 * needs, and the MCO rules that collapse them. Immutable.
 *
 * @param files  path (file or parent directory) → actions
 * @param units  unit name → actions
 * @param sshKey actions for a change of the {@code core} user's SSH keys or password
 */
public record DisruptionPolicies(
        Map<String, List<DisruptionAction>> files,
        Map<String, List<DisruptionAction>> units,
        List<DisruptionAction> sshKey) {

    public DisruptionPolicies {
        TreeMap<String, List<DisruptionAction>> f = new TreeMap<>();
        Objects.requireNonNull(files, "files").forEach((k, v) -> f.put(k, checked("file " + k, v)));
        TreeMap<String, List<DisruptionAction>> u = new TreeMap<>();
        Objects.requireNonNull(units, "units").forEach((k, v) -> u.put(k, checked("unit " + k, v)));
        files = java.util.Collections.unmodifiableMap(f);
        units = java.util.Collections.unmodifiableMap(u);
        sshKey = checked("sshKey", sshKey);
    }

    private static List<DisruptionAction> checked(String where, List<DisruptionAction> actions) {
        List<DisruptionAction> copy = List.copyOf(Objects.requireNonNull(actions, where));
        if (copy.isEmpty() || copy.size() > 10) {
            throw new IllegalArgumentException("policy for " + where + " needs 1 to 10 actions, got " + copy.size());
        }
        for (DisruptionAction a : copy) {
            if ((a.type() == DisruptionAction.Type.REBOOT || a.type() == DisruptionAction.Type.NONE)
                    && copy.size() > 1) {
                throw new IllegalArgumentException("policy for " + where + ": " + a.type() + " must stand alone");
            }
        }
        return copy;
    }

    /** The cluster defaults MCO ships (OpenShift 4.17+ table). */
    public static DisruptionPolicies defaults() {
        TreeMap<String, List<DisruptionAction>> f = new TreeMap<>();
        DisruptionAction crio = DisruptionAction.reload("crio.service");
        f.put("/var/lib/kubelet/config.json", List.of(DisruptionAction.NONE));
        f.put("/etc/machine-config-daemon/no-reboot/containers-gpg.pub", List.of(crio));
        f.put("/etc/containers/policy.json", List.of(crio));
        f.put("/etc/containers/registries.conf", List.of(DisruptionAction.SPECIAL));
        f.put("/etc/containers/registries.d", List.of(crio));
        f.put("/etc/crio/policies", List.of(crio));
        f.put("/etc/nmstate/openshift", List.of(DisruptionAction.NONE));
        f.put(
                "/etc/pki/ca-trust/source/anchors/openshift-config-user-ca-bundle.crt",
                List.of(
                        DisruptionAction.restart("coreos-update-ca-trust.service"),
                        DisruptionAction.restart("crio.service")));
        f.put("/etc/kubernetes/credential-providers", List.of(DisruptionAction.restart("kubelet.service")));
        return new DisruptionPolicies(f, Map.of(), List.of(DisruptionAction.NONE));
    }

    /** These policies with {@code user}'s entries replacing defaults for the same path, unit or SSH key. */
    public DisruptionPolicies overriddenBy(DisruptionPolicies user) {
        TreeMap<String, List<DisruptionAction>> f = new TreeMap<>(files);
        f.putAll(user.files);
        TreeMap<String, List<DisruptionAction>> u = new TreeMap<>(units);
        u.putAll(user.units);
        return new DisruptionPolicies(f, u, user.sshKey);
    }

    /** The policy for a changed file: the longest exact or parent-directory match, or {@code null}. */
    public @Nullable List<DisruptionAction> forFile(String path) {
        String p = path;
        while (true) {
            List<DisruptionAction> hit = files.get(p);
            if (hit != null) {
                return hit;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return files.get("/");
            }
            p = p.substring(0, slash);
        }
    }

    /**
     * Analyses the change from {@code current} to {@code target}: entries only derived configs carry (see
     * {@code ConfigDerivation.from} (in {@code dev.coreos4j.planner.render}): fixed entries, JSON-path keyed storage, files using append) are checked first and
     * refused naming their Ignition JSON path; then irreconcilable storage or non-core user changes
     * are refused naming the first offending entry (in sorted order); OS image, kernel arguments, FIPS, kernel type
     * or extension changes need a reboot; every changed file and unit adds its policy's actions (no policy: reboot);
     * a changed {@code core} user adds the SSH-key actions. Then Reboot absorbs everything, None is dropped beside
     * other actions, an all-None or empty set is None. The result does not depend on map iteration order.
     */
    public ChangeAnalysis analyze(RenderedConfig current, RenderedConfig target) {
        ChangeAnalysis.Irreconcilable refused = RenderedConfig.refusal(current, target);
        if (refused != null) {
            return refused;
        }
        for (String section : new TreeSet<>(RenderedConfig.STORAGE_SECTIONS)) {
            Map<String, String> a = current.storage().getOrDefault(section, Map.of());
            Map<String, String> b = target.storage().getOrDefault(section, Map.of());
            String changed = firstChanged(a, b);
            if (changed != null) {
                return new ChangeAnalysis.Irreconcilable(
                        "storage." + section + "." + changed,
                        "changes to " + section + " cannot be applied to a running node");
            }
        }
        TreeSet<String> users = new TreeSet<>(current.users().keySet());
        users.addAll(target.users().keySet());
        boolean coreChanged = false;
        for (String user : users) {
            if (!Objects.equals(current.users().get(user), target.users().get(user))) {
                if (!"core".equals(user)) {
                    return new ChangeAnalysis.Irreconcilable(
                            "passwd.users." + user, "only the core user's SSH keys and password may change in place");
                }
                coreChanged = true;
            }
        }
        if (!Objects.equals(current.osImage(), target.osImage())
                || !current.kernelArguments().equals(target.kernelArguments())
                || current.fips() != target.fips()
                || !current.kernelType().equals(target.kernelType())
                || !current.extensions().equals(target.extensions())) {
            return new ChangeAnalysis.Reconcilable(Disruption.REBOOT);
        }
        List<DisruptionAction> actions = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(current.files().keySet());
        paths.addAll(target.files().keySet());
        for (String path : paths) {
            if (!Objects.equals(current.files().get(path), target.files().get(path))) {
                List<DisruptionAction> policy = forFile(path);
                if (policy == null) {
                    return new ChangeAnalysis.Reconcilable(Disruption.REBOOT);
                }
                actions.addAll(policy);
            }
        }
        TreeSet<String> names = new TreeSet<>(current.units().keySet());
        names.addAll(target.units().keySet());
        for (String unit : names) {
            if (!Objects.equals(current.units().get(unit), target.units().get(unit))) {
                List<DisruptionAction> policy = units.get(unit);
                if (policy == null) {
                    return new ChangeAnalysis.Reconcilable(Disruption.REBOOT);
                }
                actions.addAll(policy);
            }
        }
        if (coreChanged) {
            actions.addAll(sshKey);
        }
        return new ChangeAnalysis.Reconcilable(collapse(actions));
    }

    /** MCO's collapse: Reboot absorbs all, None is dropped beside others, empty or all-None is None; deduplicated. */
    public static Disruption collapse(List<DisruptionAction> actions) {
        if (actions.contains(DisruptionAction.REBOOT)) {
            return Disruption.REBOOT;
        }
        LinkedHashSet<DisruptionAction> kept = new LinkedHashSet<>();
        for (DisruptionAction a : actions) {
            if (a.type() != DisruptionAction.Type.NONE) {
                kept.add(a);
            }
        }
        return kept.isEmpty() ? Disruption.NONE : new Disruption(new ArrayList<>(kept));
    }

    /** The first key, in order, whose value differs between {@code a} and {@code b}; {@code null} when none does. */
    static @Nullable String firstChanged(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                return k;
            }
        }
        return null;
    }
}
