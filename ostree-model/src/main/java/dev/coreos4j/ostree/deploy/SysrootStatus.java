package dev.coreos4j.ostree.deploy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code rpm-ostree status} shows about a sysroot, rendered as text ({@link #toText()}) or JSON
 * ({@link #toJson()}).
 *
 * @param entries the deployments in boot order
 * @param finalizeFailure the text of {@code boot/ostree/finalize-failure.stamp}, or {@code null}
 */
public record SysrootStatus(List<Entry> entries, @Nullable String finalizeFailure) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    /** Copies {@code entries}. */
    public SysrootStatus {
        entries = List.copyOf(entries);
    }

    /**
     * One deployment with its commit's details.
     *
     * @param deployment the deployment
     * @param booted whether it is booted (●)
     * @param pending whether it comes before the booted one in its stateroot (the next boot)
     * @param rollback whether it is the first after the booted one in its stateroot
     * @param version the commit's {@code version}, or {@code null}
     * @param timestamp the commit time
     * @param imageDigest the manifest digest of the container image it was deployed from, or {@code null}
     */
    public record Entry(
            Deployment deployment,
            boolean booted,
            boolean pending,
            boolean rollback,
            @Nullable String version,
            Instant timestamp,
            @Nullable String imageDigest) {
        /** Checks for nulls. */
        public Entry {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /** The rpm-ostree style text: {@code Deployments:} then one block per deployment, ● marking the booted one. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("State: idle\n");
        if (finalizeFailure != null) {
            sb.append("Warning: failed to finalize previous deployment\n         ")
                    .append(finalizeFailure.strip().replace("\n", " "))
                    .append('\n');
        }
        sb.append("Deployments:\n");
        boolean manyRoots =
                entries.stream().map(e -> e.deployment().stateroot()).distinct().count() > 1;
        for (Entry e : entries) {
            Deployment d = e.deployment();
            sb.append(e.booted() ? "● " : "  ").append(d.origin().describe()).append('\n');
            if (e.imageDigest() != null) {
                line(sb, "Digest", e.imageDigest());
            }
            if (e.version() != null) {
                line(sb, "Version", e.version() + " (" + TIME.format(e.timestamp()) + ")");
            } else {
                line(sb, "Timestamp", TIME.format(e.timestamp()));
            }
            line(sb, "Commit", d.commit().hex());
            if (manyRoots) {
                line(sb, "StateRoot", d.stateroot());
            }
            if (d.staged()) {
                line(sb, "Staged", "yes");
            }
            if (d.pinned()) {
                line(sb, "Pinned", "yes");
            }
            sb.append('\n');
        }
        if (entries.isEmpty()) {
            sb.append("  (none)\n");
        } else {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format("%26s %s%n", key + ":", value));
    }

    /** The JSON document: {@code {"deployments": [...], "finalize-failure": ...}} with rpm-ostree's field names. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\n  \"deployments\" : [");
        List<String> items = new ArrayList<>();
        for (Entry e : entries) {
            Deployment d = e.deployment();
            StringBuilder o = new StringBuilder("\n    {\n");
            field(o, "id", str(d.id()));
            field(o, "osname", str(d.stateroot()));
            field(o, "serial", Integer.toString(d.serial()));
            field(o, "checksum", str(d.commit().hex()));
            field(o, "version", e.version() == null ? "null" : str(e.version()));
            field(o, "timestamp", Long.toString(e.timestamp().getEpochSecond()));
            field(
                    o,
                    "origin",
                    d.origin().refspec() == null ? "null" : str(d.origin().refspec()));
            field(
                    o,
                    "container-image-reference",
                    d.origin().containerImageReference() == null
                            ? "null"
                            : str(d.origin().containerImageReference()));
            if (e.imageDigest() != null) {
                field(o, "container-image-reference-digest", str(e.imageDigest()));
            }
            field(o, "bootcsum", str(d.bootcsum().hex()));
            field(o, "kargs", str(d.kernelArgs().toString()));
            field(o, "booted", Boolean.toString(e.booted()));
            field(o, "staged", Boolean.toString(d.staged()));
            field(o, "pending", Boolean.toString(e.pending()));
            field(o, "rollback", Boolean.toString(e.rollback()));
            o.append("      \"pinned\" : ").append(d.pinned()).append("\n    }");
            items.add(o.toString());
        }
        sb.append(String.join(",", items));
        sb.append(entries.isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"finalize-failure\" : ")
                .append(finalizeFailure == null ? "null" : str(finalizeFailure.strip()))
                .append("\n}\n");
        return sb.toString();
    }

    private static void field(StringBuilder o, String name, String json) {
        o.append("      \"").append(name).append("\" : ").append(json).append(",\n");
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
