package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.util.List;

/** A file (coreos/ignition config/v3_4/types/file.go, and Storage.validateFiles in storage.go). */
final class FileRules {
    private FileRules() {}

    /** Storage.validateFiles: a file under a configured link, once per link. */
    static void underLinks(Validation v, List<Config.File> files, List<String> links) {
        for (int i = 0; i < files.size(); i++) {
            for (int k = StorageRules.underLinks(files.get(i).path(), links); k > 0; k--) {
                v.report(StorageRules.BASE.child("files").index(i), FileRule.FILE_UNDER_LINK);
            }
        }
    }

    static void check(Validation v, JsonPath p, Config.File f) {
        NodeRules.path(v, p);
        NodeRules.mode(v, p, f.mode());
        if (Validation.isTrue(f.overwrite()) && f.contents().source() == null) {
            v.report(p.child("overwrite"), FileRule.OVERWRITE_WITHOUT_SOURCE);
        }
        NodeRules.owner(v, p, f.user(), f.group());
        for (int k = 0; k < f.append().size(); k++) {
            ResourceRules.check(v, p.child("append").index(k), f.append().get(k), false);
        }
        ResourceRules.check(v, p.child("contents"), f.contents(), false);
    }
}
