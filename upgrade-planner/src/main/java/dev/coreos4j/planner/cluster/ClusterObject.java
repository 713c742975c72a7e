package dev.coreos4j.planner.cluster;

import dev.coreos4j.planner.internal.json.JsonNode;

/** One Kubernetes object from a document: the file it came from, its kind and name, and its JSON tree. */
record ClusterObject(String source, String kind, String name, JsonNode node) {}
