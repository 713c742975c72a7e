package dev.coreos4j.ignition.internal.rules;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.problem.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The duplicate-key walker, validate.ValidateDups (coreos/ignition config/validate/validate.go): every keyed list
 * of the config, the kernel-argument and passwd lists included (their only rule), each entry whose key an earlier
 * entry has.
 */
final class DuplicateRules {
    private DuplicateRules() {}

    static void check(Validation v, Config c) {
        Config.Ignition ign = c.ignition();
        JsonPath merges = JsonPath.of("ignition", "config", "merge");
        dups(v, merges, ign.config().merge(), DuplicateRules::sourceKey);
        for (int i = 0; i < ign.config().merge().size(); i++) {
            resource(v, merges.index(i), ign.config().merge().get(i));
        }
        resource(v, JsonPath.of("ignition", "config", "replace"), ign.config().replace());
        dups(v, JsonPath.of("ignition", "proxy", "noProxy"), ign.proxy().noProxy(), Function.identity());
        JsonPath caPath = JsonPath.of("ignition", "security", "tls", "certificateAuthorities");
        List<Config.Resource> cas = ign.security().tls().certificateAuthorities();
        dups(v, caPath, cas, DuplicateRules::sourceKey);
        for (int i = 0; i < cas.size(); i++) {
            resource(v, caPath.index(i), cas.get(i));
        }
        Set<String> kargs = new HashSet<>();
        JsonPath kernel = JsonPath.of("kernelArguments");
        dups(v, kernel.child("shouldExist"), c.kernelArguments().shouldExist(), Function.identity(), kargs);
        dups(v, kernel.child("shouldNotExist"), c.kernelArguments().shouldNotExist(), Function.identity(), kargs);
        passwd(v, c.passwd());
        storage(v, c.storage());
        JsonPath units = JsonPath.of("systemd", "units");
        dups(v, units, c.systemd().units(), Config.Unit::name);
        for (int i = 0; i < c.systemd().units().size(); i++) {
            dups(v, units.index(i).child("dropins"), c.systemd().units().get(i).dropins(), Config.Dropin::name);
        }
    }

    private static void passwd(Validation v, Config.Passwd passwd) {
        JsonPath users = JsonPath.of("passwd", "users");
        dups(v, JsonPath.of("passwd", "groups"), passwd.groups(), Config.PasswdGroup::name);
        dups(v, users, passwd.users(), Config.PasswdUser::name);
        for (int i = 0; i < passwd.users().size(); i++) {
            Config.PasswdUser u = passwd.users().get(i);
            dups(v, users.index(i).child("groups"), u.groups(), Function.identity());
            dups(v, users.index(i).child("sshAuthorizedKeys"), u.sshAuthorizedKeys(), Function.identity());
        }
    }

    /**
     * validate.ValidateDups checks a struct's own lists in field order (directories, files and links share the Node
     * key space), then descends into the fields.
     */
    private static void storage(Validation v, Config.Storage s) {
        JsonPath base = StorageRules.BASE;
        Set<String> nodes = new HashSet<>();
        dups(v, base.child("directories"), s.directories(), Config.Directory::path, nodes);
        dups(v, base.child("disks"), s.disks(), Config.Disk::device);
        dups(v, base.child("files"), s.files(), Config.File::path, nodes);
        dups(v, base.child("filesystems"), s.filesystems(), Config.Filesystem::device);
        dups(v, base.child("links"), s.links(), Config.Link::path, nodes);
        dups(v, base.child("luks"), s.luks(), Config.Luks::name);
        dups(v, base.child("raid"), s.raid(), Config.Raid::name);
        for (int i = 0; i < s.disks().size(); i++) {
            dups(
                    v,
                    base.child("disks").index(i).child("partitions"),
                    s.disks().get(i).partitions(),
                    DuplicateRules::partitionKey);
        }
        for (int i = 0; i < s.files().size(); i++) {
            Config.File f = s.files().get(i);
            JsonPath p = base.child("files").index(i);
            for (int k = 0; k < f.append().size(); k++) {
                resource(v, p.child("append").index(k), f.append().get(k));
            }
            resource(v, p.child("contents"), f.contents());
        }
        for (int i = 0; i < s.luks().size(); i++) {
            Config.Luks l = s.luks().get(i);
            JsonPath p = base.child("luks").index(i);
            dups(v, p.child("openOptions"), l.openOptions(), Function.identity());
            dups(v, p.child("clevis").child("tang"), l.clevis().tang(), Config.Tang::url);
            resource(v, p.child("keyFile"), l.keyFile());
        }
        for (int i = 0; i < s.raid().size(); i++) {
            dups(
                    v,
                    base.child("raid").index(i).child("devices"),
                    s.raid().get(i).devices(),
                    Function.identity());
        }
    }

    private static <T> void dups(
            Validation v, JsonPath list, List<T> items, Function<T, String> key, Set<String> seen) {
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(key.apply(items.get(i)))) {
                v.report(list.index(i), DuplicateRule.DUPLICATE_ENTRY);
            }
        }
    }

    private static <T> void dups(Validation v, JsonPath list, List<T> items, Function<T, String> key) {
        dups(v, list, items, key, new HashSet<>());
    }

    private static String sourceKey(Config.Resource r) {
        return r.source() == null ? "" : r.source();
    }

    private static void resource(Validation v, JsonPath p, Config.Resource r) {
        dups(v, p.child("httpHeaders"), r.httpHeaders(), Config.HttpHeader::name);
    }

    static String partitionKey(Config.Partition p) {
        if (p.number() != 0) {
            return "number:" + p.number();
        }
        if (p.label() != null) {
            return "label:" + p.label();
        }
        return "";
    }
}
