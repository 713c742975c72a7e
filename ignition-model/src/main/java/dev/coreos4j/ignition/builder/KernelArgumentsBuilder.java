package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link Config.KernelArguments} (spec 3.3.0+). Not thread-safe. */
public final class KernelArgumentsBuilder {
    private final List<String> shouldExist = new ArrayList<>();
    private final List<String> shouldNotExist = new ArrayList<>();

    private KernelArgumentsBuilder() {}

    /** A builder with no arguments. */
    public static KernelArgumentsBuilder create() {
        return new KernelArgumentsBuilder();
    }

    /** An argument (or space-separated sequence) that must be present. */
    public KernelArgumentsBuilder shouldExist(String argument) {
        shouldExist.add(argument);
        return this;
    }

    /** An argument that must be absent. */
    public KernelArgumentsBuilder shouldNotExist(String argument) {
        shouldNotExist.add(argument);
        return this;
    }

    /** The arguments, validated (no duplicates across both lists). */
    public Config.KernelArguments build() {
        Config.KernelArguments k = new Config.KernelArguments(shouldExist, shouldNotExist);
        Checks.part("kernel arguments", new Config(Checks.version(), k, null, null, null));
        return k;
    }
}
