package dev.coreos4j.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The PDB coverage index a {@link Fleet} builds once: which PDBs cover each node's pods, found through labels. */
final class PdbCoverage {
    private PdbCoverage() {}

    /**
     * Which PDBs cover each node's pods, by position: pairs (PDB position, covered pods), PDB positions ascending, or
     * {@code null} when none does. A PDB is found through one pair of its selector (a pod must carry every pair), so
     * a pod is checked only against the PDBs one of its labels names; empty selectors cover every pod.
     */
    static int[][] of(Node[] nodes, List<Pdb> pdbs) {
        Map<String, Map<String, List<Integer>>> byLabel = new HashMap<>();
        List<Integer> everyPod = new ArrayList<>();
        for (int k = 0; k < pdbs.size(); k++) {
            Map<String, String> sel = pdbs.get(k).selector();
            if (sel.isEmpty()) {
                everyPod.add(k);
            } else {
                Map.Entry<String, String> e = new java.util.TreeMap<>(sel).firstEntry();
                byLabel.computeIfAbsent(e.getKey(), x -> new HashMap<>())
                        .computeIfAbsent(e.getValue(), x -> new ArrayList<>())
                        .add(k);
            }
        }
        int[][] out = new int[nodes.length][];
        int[] counts = new int[pdbs.size()];
        int[] touched = new int[pdbs.size()];
        for (int i = 0; i < nodes.length; i++) {
            List<Pod> pods = nodes[i].pods();
            if (pods.isEmpty()) {
                continue;
            }
            int t = 0;
            for (Pod pod : pods) {
                for (int k : everyPod) {
                    if (counts[k]++ == 0) {
                        touched[t++] = k;
                    }
                }
                for (Map.Entry<String, String> l : pod.labels().entrySet()) {
                    Map<String, List<Integer>> values = byLabel.get(l.getKey());
                    List<Integer> named = values == null ? null : values.get(l.getValue());
                    if (named == null) {
                        continue;
                    }
                    for (int k : named) {
                        if (pdbs.get(k).covers(pod) && counts[k]++ == 0) {
                            touched[t++] = k;
                        }
                    }
                }
            }
            if (t == 0) {
                continue;
            }
            Arrays.sort(touched, 0, t);
            int[] pairs = new int[2 * t];
            for (int k = 0; k < t; k++) {
                pairs[2 * k] = touched[k];
                pairs[2 * k + 1] = counts[touched[k]];
                counts[touched[k]] = 0;
            }
            out[i] = pairs;
        }
        return out;
    }
}
