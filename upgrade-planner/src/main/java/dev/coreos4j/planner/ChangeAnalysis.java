package dev.coreos4j.planner;

import java.util.Objects;

/** What a change from one rendered config to another means for a node: applicable with a disruption, or refused. */
public sealed interface ChangeAnalysis {

    /** The change can be applied in place with {@code disruption}. */
    record Reconcilable(Disruption disruption) implements ChangeAnalysis {
        public Reconcilable {
            Objects.requireNonNull(disruption, "disruption");
        }
    }

    /**
     * The change cannot be applied in place (MCO RenderDegraded / Unreconcilable).
     *
     * @param path    the offending entry: for configs built from hashes {@code storage.<section>.<key>} or
     *                {@code passwd.users.<name>} (e.g. {@code storage.directories./var/lib/data}); for configs derived
     *                from Ignition ({@code ConfigDerivation.from} (in {@code dev.coreos4j.planner.render})) the Ignition JSON path in the target config (or the
     *                current one when the entry was removed), e.g. {@code $.storage.disks[0]},
     *                {@code $.passwd.users[1]}, {@code $.storage.files[2].append}, {@code $.kernelArguments}, or
     *                {@code fips}; {@code Rendering.sourcesOf} (in {@code dev.coreos4j.planner.render}) names the MachineConfigs behind such a path
     * @param message why, for people
     */
    record Irreconcilable(String path, String message) implements ChangeAnalysis {
        public Irreconcilable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }
}
