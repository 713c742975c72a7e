package dev.coreos4j.cli.plan;

import dev.coreos4j.planner.ProblemLine;
import dev.coreos4j.planner.Snapshot;
import dev.coreos4j.planner.cluster.Cluster;
import dev.coreos4j.planner.cluster.ClusterInput;
import dev.coreos4j.planner.cluster.ClusterReadResult;
import dev.coreos4j.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads {@code oc get … -o json} files into a snapshot for the commands that take {@code --cluster}: warnings go to
 * stderr, errors are printed one per line and make the caller exit 2.
 */
public final class ClusterFiles {

    private ClusterFiles() {}

    /** {@code --now}: RFC 3339, or the current time when absent (the CLI is the edge that reads the clock). */
    public static Instant now(CommandSpec spec, String now) {
        if (now == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--now must be an RFC 3339 time such as" + " 2026-01-01T00:00:00Z, got '" + now + "'");
        }
    }

    /**
     * The snapshot of {@code files} at {@code now}, or {@code null} after printing every error to {@code err}
     * prefixed with {@code prefix}.
     *
     * @throws IOException when a file cannot be read
     */
    public static @Nullable Snapshot read(List<Path> files, Instant now, PrintWriter err, String prefix)
            throws IOException {
        List<ClusterInput> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.add(new ClusterInput(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        ClusterReadResult r = Cluster.read(now, inputs);
        for (Problem p : r.problems().all()) {
            err.println(prefix + (p.isError() ? "" : "warning: ") + ProblemLine.of(p));
        }
        err.flush();
        return r.snapshot();
    }
}
