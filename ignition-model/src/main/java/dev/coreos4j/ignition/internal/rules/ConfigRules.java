package dev.coreos4j.ignition.internal.rules;

import static dev.coreos4j.ignition.internal.rules.Validation.empty;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Config.Validate (coreos/ignition config/v3_4/types/config.go): nodes that collide with systemd units or drop-ins,
 * then vcontext's walk of the sections in field order — ignition, (kernel arguments and passwd have field rules
 * only), storage, systemd.
 */
final class ConfigRules {
    private ConfigRules() {}

    static void check(Validation v, Config c) {
        systemdConflicts(v, c);
        IgnitionRules.check(v, c.ignition());
        StorageRules.check(v, c.storage());
        SystemdRules.check(v, c.systemd());
    }

    private static void systemdConflicts(Validation v, Config c) {
        Set<String> paths = new HashSet<>();
        for (Config.Unit u : c.systemd().units()) {
            if (!empty(u.contents())) {
                paths.add("/etc/systemd/system/" + u.name());
            }
            for (Config.Dropin d : u.dropins()) {
                if (!empty(d.contents())) {
                    paths.add("/etc/systemd/system/" + u.name() + ".d/" + d.name());
                }
            }
        }
        if (paths.isEmpty()) {
            return;
        }
        Config.Storage s = c.storage();
        conflicts(v, "files", s.files(), Config.File::path, paths);
        conflicts(v, "directories", s.directories(), Config.Directory::path, paths);
        conflicts(v, "links", s.links(), Config.Link::path, paths);
    }

    private static <T> void conflicts(
            Validation v, String list, List<T> nodes, Function<T, String> path, Set<String> units) {
        for (int i = 0; i < nodes.size(); i++) {
            if (units.contains(path.apply(nodes.get(i)))) {
                v.report(JsonPath.of("storage", list, i, "path"), ConfigRule.PATH_CONFLICTS_SYSTEMD);
            }
        }
    }
}
