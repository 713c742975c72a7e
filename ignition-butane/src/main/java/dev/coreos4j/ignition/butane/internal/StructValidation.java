package dev.coreos4j.ignition.butane.internal;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.problem.Problem;
import dev.coreos4j.problem.Severity;
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
            case "Resource":
            case "RefResource":
                validateResource(b);
                break;
            case "Filesystem":
                if (b.isTrue("with_mount_unit")) {
                    String format = b.str("format");
                    String path = b.str("path");
                    if (minor <= 2) {
                        if (path == null || path.isEmpty()) {
                            issues.error(b.at("path"), Err.MOUNT_UNIT_NO_PATH.code(), Err.MOUNT_UNIT_NO_PATH.message);
                        }
                        if (format == null || format.isEmpty()) {
                            issues.error(
                                    b.at("format"), Err.MOUNT_UNIT_NO_FORMAT.code(), Err.MOUNT_UNIT_NO_FORMAT.message);
                        }
                    } else if (format == null || format.isEmpty()) {
                        issues.error(b.at("format"), Err.MOUNT_UNIT_NO_FORMAT.code(), Err.MOUNT_UNIT_NO_FORMAT.message);
                    } else if (!format.equals("swap") && (path == null || path.isEmpty())) {
                        issues.error(b.at("path"), Err.MOUNT_UNIT_NO_PATH.code(), Err.MOUNT_UNIT_NO_PATH.message);
                    }
                }
                break;
            case "Directory":
            case "File": {
                Long mode = b.num("mode");
                if (mode != null && Modes.looksDecimal(mode, b.type.name().equals("Directory"))) {
                    issues.warn(b.at("mode"), Err.DECIMAL_MODE.code(), Err.DECIMAL_MODE.message);
                }
                break;
            }
            case "Tree":
                if (b.key("local").isEmpty()) {
                    issues.error(b.path, Err.TREE_NO_LOCAL.code(), Err.TREE_NO_LOCAL.message);
                }
                break;
            case "Quadlet": {
                String name = b.key("name");
                if (!Translator.QUADLET_EXT.matcher(name).find()) {
                    issues.error(
                            b.at("name"),
                            "quadlet-bad-extension",
                            "unsupported file extension for quadlet: must "
                                    + "be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact");
                } else if (Translator.templateOf(name) != null) {
                    for (String f : List.of("contents", "contents_local")) {
                        if (b.has(f)) {
                            issues.error(
                                    b.at(f),
                                    "template-instance-cannot-have-contents",
                                    "template instances cannot have contents or contents_local");
                        }
                    }
                } else if (b.has("contents_local") && b.has("contents")) {
                    issues.error(
                            b.at("contents_local"),
                            Err.TOO_MANY_SYSTEMD_SOURCES.code(),
                            Err.TOO_MANY_SYSTEMD_SOURCES.message);
                }
                break;
            }
            case "Unit":
            case "Dropin":
                if (b.has("contents_local") && b.has("contents")) {
                    issues.error(
                            b.at("contents_local"),
                            Err.TOO_MANY_SYSTEMD_SOURCES.code(),
                            Err.TOO_MANY_SYSTEMD_SOURCES.message);
                }
                break;
            default:
                Fcos.validate(t, b);
                OpenShift.validate(t, b);
        }
    }

    private void validateResource(BObj b) {
        if (minor == 0) {
            if (b.has("inline") && b.has("source")) {
                issues.error(
                        b.at("inline"), Err.TOO_MANY_RESOURCE_SOURCES.code(), Err.TOO_MANY_RESOURCE_SOURCES.message);
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
        if (sources > 1) {
            issues.error(b.at(field), Err.TOO_MANY_RESOURCE_SOURCES.code(), Err.TOO_MANY_RESOURCE_SOURCES.message);
            return;
        }
        if ("inline".equals(field) && b.path.startsWith("$.ignition.config")) {
            validateEmbedded(b, b.at("inline"), b.str("inline").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Butane's {@code ValidateIgnitionConfig}: an inline or local merge/replace config must be valid Ignition. */
    void validateEmbedded(BObj resource, String path, byte[] json) {
        ParseResult r = Ignition.parse(json);
        for (Problem e : r.report().entries()) {
            if (e.code().equals("unsupported-version") || e.code().equals("invalid-version")) {
                // upstream reports it at the resource's path + "version"
                issues.warn(
                        resource.at("version"),
                        Err.UNKNOWN_IGNITION_VERSION.code(),
                        Err.UNKNOWN_IGNITION_VERSION.message);
                return;
            }
        }
        for (Problem e : r.report().entries()) {
            String dotted = Report.dottedPath(e);
            String msg = "embedded Ignition config: " + (dotted != null ? dotted + ": " : "") + e.message();
            if (e.severity() == Severity.ERROR) {
                issues.error(path, e.code(), msg);
            } else {
                issues.warn(path, e.code(), msg);
            }
        }
    }
}
