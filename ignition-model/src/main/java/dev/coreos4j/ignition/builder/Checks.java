package dev.coreos4j.ignition.builder;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import java.util.List;

/** Validation shared by the builders: a part is checked inside a minimal 3.6.0 config that holds only it. */
final class Checks {
    private Checks() {}

    static Config.Ignition version() {
        return new Config.Ignition(
                null, null, null, null, SpecVersion.latestStable().toString());
    }

    static void part(String what, Config wrapper) {
        Report report = Ignition.validate(wrapper);
        if (!report.isValid()) {
            throw new IgnitionException("invalid " + what + " (paths relative to a config holding only it)", report);
        }
    }

    static Config storage(Config.Storage storage) {
        return new Config(version(), null, null, storage, null);
    }

    static Config files(Config.File file) {
        return storage(new Config.Storage(null, null, List.of(file), null, null, null, null));
    }
}
