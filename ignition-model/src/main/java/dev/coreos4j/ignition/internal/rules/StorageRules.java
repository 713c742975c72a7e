package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.util.List;

/**
 * The {@code storage} section: Storage.Validate (coreos/ignition config/v3_4/types/storage.go: nodes under links,
 * link targets, filesystem/disk warnings), then vcontext's walk of the fields in declaration order: directories,
 * disks, files, filesystems, links, luks, raid.
 */
final class StorageRules {
    static final JsonPath BASE = JsonPath.of("storage");

    private StorageRules() {}

    static void check(Validation v, Config.Storage s) {
        List<String> links = s.links().stream().map(Config.Link::path).toList();
        // Storage.validateDirectories, validateFiles and validateLinks (storage.go), in that order
        DirectoryRules.underLinks(v, s.directories(), links);
        FileRules.underLinks(v, s.files(), links);
        LinkRules.inStorage(v, s, links);
        FilesystemRules.diskWarnings(v, s);
        for (int i = 0; i < s.directories().size(); i++) {
            DirectoryRules.check(
                    v, BASE.child("directories").index(i), s.directories().get(i));
        }
        for (int i = 0; i < s.disks().size(); i++) {
            DiskRules.check(v, BASE.child("disks").index(i), s.disks().get(i));
        }
        for (int i = 0; i < s.files().size(); i++) {
            FileRules.check(v, BASE.child("files").index(i), s.files().get(i));
        }
        for (int i = 0; i < s.filesystems().size(); i++) {
            FilesystemRules.check(
                    v, BASE.child("filesystems").index(i), s.filesystems().get(i));
        }
        for (int i = 0; i < s.links().size(); i++) {
            LinkRules.check(v, BASE.child("links").index(i), s.links().get(i));
        }
        for (int i = 0; i < s.luks().size(); i++) {
            LuksRules.check(v, BASE.child("luks").index(i), s.luks().get(i));
        }
        for (int i = 0; i < s.raid().size(); i++) {
            RaidRules.check(v, BASE.child("raid").index(i), s.raid().get(i));
        }
    }

    /** How many configured links {@code path} lies under (Ignition reports each one). */
    static int underLinks(String path, List<String> links) {
        int count = 0;
        for (String l : links) {
            if (path.startsWith(l + "/")) {
                count++;
            }
        }
        return count;
    }
}
