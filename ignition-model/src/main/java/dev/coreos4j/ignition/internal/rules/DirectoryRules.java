package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.util.List;

/** A directory (coreos/ignition config/v3_4/types/directory.go, and Storage.validateDirectories in storage.go). */
final class DirectoryRules {
    private DirectoryRules() {}

    /** Storage.validateDirectories: a directory under a configured link, once per link. */
    static void underLinks(Validation v, List<Config.Directory> directories, List<String> links) {
        for (int i = 0; i < directories.size(); i++) {
            for (int k = StorageRules.underLinks(directories.get(i).path(), links); k > 0; k--) {
                v.report(StorageRules.BASE.child("directories").index(i), DirectoryRule.DIRECTORY_UNDER_LINK);
            }
        }
    }

    static void check(Validation v, JsonPath p, Config.Directory d) {
        NodeRules.path(v, p);
        NodeRules.mode(v, p, d.mode());
        NodeRules.owner(v, p, d.user(), d.group());
    }
}
