package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Butane's struct validation of the source tree (the {@code Validate} methods of coreos/butane base/v0_* and the
 * variants), before translation: resource sources, mount units, modes, trees, quadlets, systemd sources, and
 * inline Ignition configs. Reports into the translator's {@link Issues}.
 */
final class StructValidation {
    private final Translator t;
    private final Issues issues;
    private final int minor;

    StructValidation(Translator t) {
        this.t = t;
        this.issues = t.issues;
        this.minor = t.minor;
    }

    /** Butane's struct validation (the {@code Validate} methods), parents before children. */
    void validate(BObj b) {
        validateOne(b);
        for (Map.Entry<String, Object> e : b.v.entrySet()) {
            Object v = e.getValue();
            if (v instanceof BObj c) {
                validate(c);
            } else if (v instanceof List<?> l) {
                for (Object item : l) {
                    if (item instanceof BObj c) {
                        validate(c);
                    }
                }
            }
        }
    }

    private void validateOne(BObj b) {
        switch (b.type.name()) {
            case "Resource", "RefResource" -> validateResource(b);
            case "Filesystem" -> {
                if (b.isTrue("with_mount_unit")) {
                    String format = b.str("format");
                    String path = b.str("path");
                    if (minor <= 2) {
                        if (path == null || path.isEmpty()) {
                            issues.add(b.at("path"), ButaneRule.MOUNT_UNIT_NO_PATH);
                        }
                        if (format == null || format.isEmpty()) {
                            issues.add(b.at("format"), ButaneRule.MOUNT_UNIT_NO_FORMAT);
                        }
                    } else if (format == null || format.isEmpty()) {
                        issues.add(b.at("format"), ButaneRule.MOUNT_UNIT_NO_FORMAT);
                    } else if (!format.equals("swap") && (path == null || path.isEmpty())) {
                        issues.add(b.at("path"), ButaneRule.MOUNT_UNIT_NO_PATH);
                    }
                }
            }
            case "Directory", "File" -> {
                Long mode = b.num("mode");
                if (mode != null && Modes.looksDecimal(mode, b.type.name().equals("Directory"))) {
                    issues.add(b.at("mode"), ButaneRule.DECIMAL_MODE);
                }
            }
            case "Tree" -> {
                if (b.key("local").isEmpty()) {
                    issues.add(b.path, ButaneRule.TREE_NO_LOCAL);
                }
            }
            case "Quadlet" -> {
                String name = b.key("name");
                if (!Translator.QUADLET_EXT.matcher(name).find()) {
                    issues.add(b.at("name"), ButaneRule.QUADLET_BAD_EXTENSION);
                } else if (Translator.templateOf(name) != null) {
                    for (String f : List.of("contents", "contents_local")) {
                        if (b.has(f)) {
                            issues.add(b.at(f), ButaneRule.TEMPLATE_INSTANCE_CANNOT_HAVE_CONTENTS);
                        }
                    }
                } else if (b.has("contents_local") && b.has("contents")) {
                    issues.add(b.at("contents_local"), ButaneRule.TOO_MANY_SYSTEMD_SOURCES);
                }
            }
            case "Unit", "Dropin" -> {
                if (b.has("contents_local") && b.has("contents")) {
                    issues.add(b.at("contents_local"), ButaneRule.TOO_MANY_SYSTEMD_SOURCES);
                }
            }
            default -> {
                Fcos.validate(t, b);
                OpenShift.validate(t, b);
            }
        }
    }

    private void validateResource(BObj b) {
        if (minor == 0) {
            if (b.has("inline") && b.has("source")) {
                issues.add(b.at("inline"), ButaneRule.TOO_MANY_RESOURCE_SOURCES);
            }
            return;
        }
        int sources = 0;
        String field = null;
        for (String f : List.of("local", "inline", "source")) {
            if (b.has(f)) {
                sources++;
                field = f;
            }
        }
        if (sources > 1 && field != null) {
            issues.add(b.at(field), ButaneRule.TOO_MANY_RESOURCE_SOURCES);
            return;
        }
        String inline = b.str("inline");
        if ("inline".equals(field) && inline != null && b.path.startsWith("$.ignition.config")) {
            validateEmbedded(b, b.at("inline"), inline.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Butane's {@code ValidateIgnitionConfig}: an inline or local merge/replace config must be valid Ignition. */
    void validateEmbedded(BObj resource, String path, byte[] json) {
        ParseResult r = Ignition.parse(json);
        if (r.versionRejected()) {
            // upstream reports it at the resource's path + "version"
            issues.add(resource.at("version"), ButaneRule.UNKNOWN_IGNITION_VERSION);
            return;
        }
        for (Problem e : r.report().entries()) {
            String dotted = Report.dottedPath(e);
            String msg = "embedded Ignition config: " + (dotted != null ? dotted + ": " : "") + e.message();
            issues.relay(e.severity(), path, false, e.code(), msg);
        }
    }
}
