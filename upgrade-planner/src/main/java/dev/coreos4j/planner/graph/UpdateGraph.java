package dev.coreos4j.planner.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An update graph: releases, the updates recommended between them, and the updates recommended only when their risks
 * do not apply. Immutable and thread-safe. {@code dev.coreos4j.planner.json.UpdateGraphReader} reads one from the update service's JSON.
 *
 * @param kind which service's rules apply, never null
 * @param releases the nodes, an immutable copy; versions are unique
 * @param edges the unconditional updates, an immutable copy; both ends are releases of this graph
 * @param conditionalEdges the conditional updates, an immutable copy; both ends of every edge are releases
 * @param removedEdges updates removed by blocked-edge declarations, kept to explain why a path is missing; never used
 */
public record UpdateGraph(
        GraphKind kind,
        List<Release> releases,
        List<Edge> edges,
        List<ConditionalEdge> conditionalEdges,
        List<RemovedEdge> removedEdges) {

    /**
     * @throws IllegalArgumentException when a version repeats, an edge names an unknown release, an OpenShift version
     *     is not a semantic version, or a Fedora CoreOS release lacks a unique age index
     */
    public UpdateGraph {
        Objects.requireNonNull(kind, "kind");
        releases = List.copyOf(releases);
        edges = List.copyOf(edges);
        conditionalEdges = List.copyOf(conditionalEdges);
        removedEdges = List.copyOf(removedEdges);
        Set<String> versions = new HashSet<>();
        Set<Long> ages = new HashSet<>();
        for (Release r : releases) {
            if (!versions.add(r.version())) {
                throw new IllegalArgumentException("release " + r.version() + " appears twice");
            }
            if (kind == GraphKind.CINCINNATI && SemanticVersion.parse(r.version()) == null) {
                throw new IllegalArgumentException("release " + r.version() + " is not a semantic version");
            }
            if (kind == GraphKind.FEDORA_COREOS) {
                if (r.ageIndex() == null) {
                    throw new IllegalArgumentException("release " + r.version() + " has no age index");
                }
                if (!ages.add(r.ageIndex())) {
                    throw new IllegalArgumentException("release " + r.version() + " repeats age index " + r.ageIndex());
                }
            }
        }
        List<Edge> all = new ArrayList<>(edges);
        conditionalEdges.forEach(c -> all.addAll(c.edges()));
        removedEdges.forEach(r -> all.add(r.edge()));
        for (Edge e : all) {
            if (!versions.contains(e.from()) || !versions.contains(e.to())) {
                throw new IllegalArgumentException("edge " + e + " names a release that is not in the graph");
            }
        }
    }

    /** An OpenShift graph with no conditional or removed edges (handy for tests and examples). */
    public static UpdateGraph cincinnati(List<Release> releases, List<Edge> edges) {
        return new UpdateGraph(GraphKind.CINCINNATI, releases, edges, List.of(), List.of());
    }

    /** The release with {@code version}, if the graph has one. */
    public Optional<Release> release(String version) {
        return releases.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /**
     * Orders two releases of this graph oldest first: by semantic-version precedence in an OpenShift graph, by age
     * index in a Fedora CoreOS graph.
     *
     * @throws IllegalArgumentException when either version is not in the graph
     */
    public int compare(String a, String b) {
        Release x = release(a).orElseThrow(() -> new IllegalArgumentException("unknown release " + a));
        Release y = release(b).orElseThrow(() -> new IllegalArgumentException("unknown release " + b));
        return kind == GraphKind.FEDORA_COREOS
                ? Long.compare(Objects.requireNonNull(x.ageIndex()), Objects.requireNonNull(y.ageIndex()))
                : Objects.requireNonNull(SemanticVersion.parse(a))
                        .compareTo(Objects.requireNonNull(SemanticVersion.parse(b)));
    }

    /**
     * Applies blocked-edge declarations the way the OpenShift graph builder does: each unconditional or conditional
     * edge a declaration covers is removed (declaration without rules) or gains the declaration's risk (with rules).
     * Removal wins over a risk.
     *
     * @param arch appended as {@code +ARCH} to source versions before the {@code from} expressions are searched; null
     *     for none
     * @return a new graph; this one is unchanged
     */
    public UpdateGraph withBlockedEdges(List<BlockedEdge> declarations, @Nullable String arch) {
        Map<Edge, List<Risk>> risks = new LinkedHashMap<>();
        for (Edge e : edges) {
            risks.put(e, new ArrayList<>());
        }
        for (ConditionalEdge c : conditionalEdges) {
            for (Edge e : c.edges()) {
                risks.computeIfAbsent(e, k -> new ArrayList<>()).addAll(c.risks());
            }
        }
        Map<Edge, BlockedEdge> removedBy = new HashMap<>();
        for (BlockedEdge d : declarations) {
            for (Map.Entry<Edge, List<Risk>> entry : risks.entrySet()) {
                if (d.covers(entry.getKey(), arch)) {
                    if (d.removes()) {
                        removedBy.putIfAbsent(entry.getKey(), d);
                    } else {
                        entry.getValue().add(d.risk());
                    }
                }
            }
        }
        List<Edge> plain = new ArrayList<>();
        List<ConditionalEdge> conditional = new ArrayList<>();
        List<RemovedEdge> removed = new ArrayList<>(removedEdges);
        for (Map.Entry<Edge, List<Risk>> entry : risks.entrySet()) {
            BlockedEdge d = removedBy.get(entry.getKey());
            if (d != null) {
                removed.add(new RemovedEdge(entry.getKey(), d.name(), d.message()));
            } else if (entry.getValue().isEmpty()) {
                plain.add(entry.getKey());
            } else {
                conditional.add(new ConditionalEdge(List.of(entry.getKey()), entry.getValue()));
            }
        }
        return new UpdateGraph(kind, releases, plain, conditional, removed);
    }
}
