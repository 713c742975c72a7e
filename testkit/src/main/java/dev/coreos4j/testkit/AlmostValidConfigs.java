package dev.coreos4j.testkit;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.builder.Contents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The "almost valid" half of {@link IgnitionArbitraries}: takes a valid config and breaks exactly one
 * {@link IgnitionRule}, by adding a new element (a file, link or unit) or by a textual change to the JSON, and
 * records the code and path a validator must report. Stateless.
 */
final class AlmostValidConfigs {

    private AlmostValidConfigs() {}

    /** The config with {@code f} appended to its storage files. */
    private static Config withFile(Config c, Config.File f) {
        Config.Storage s = c.storage();
        List<Config.File> files = new ArrayList<>(s.files());
        files.add(f);
        return new Config(
                c.ignition(),
                c.kernelArguments(),
                c.passwd(),
                new Config.Storage(s.directories(), s.disks(), files, s.filesystems(), s.links(), s.luks(), s.raid()),
                c.systemd());
    }

    private static Config withLink(Config c, Config.Link l) {
        Config.Storage s = c.storage();
        List<Config.Link> links = new ArrayList<>(s.links());
        links.add(l);
        return new Config(
                c.ignition(),
                c.kernelArguments(),
                c.passwd(),
                new Config.Storage(s.directories(), s.disks(), s.files(), s.filesystems(), links, s.luks(), s.raid()),
                c.systemd());
    }

    private static Config withUnit(Config c, Config.Unit u) {
        List<Config.Unit> units = new ArrayList<>(c.systemd().units());
        units.add(u);
        return new Config(c.ignition(), c.kernelArguments(), c.passwd(), c.storage(), new Config.Systemd(units));
    }

    private static Config.File plainFile(String path) {
        return new Config.File(null, null, path, null, null, Contents.inline("x\n"), 0644L);
    }

    private static Config.File remoteFile(
            String path, String source, @Nullable String hash, @Nullable String compression) {
        return new Config.File(
                null,
                null,
                path,
                null,
                null,
                new Config.Resource(compression, null, source, hash == null ? null : new Config.Verification(hash)),
                0644L);
    }

    private record Break(Config config, String path) {}

    private static AlmostValidConfig semantic(
            SpecVersion v, IgnitionRule rule, Config base, BiFunction<Config, Integer, Break> broken) {
        int nextFile = base.storage().files().size();
        Break b = broken.apply(base, nextFile);
        String json = new String(Ignition.write(b.config(), v), StandardCharsets.UTF_8);
        return new AlmostValidConfig(v, rule, b.path(), b.config(), json);
    }

    static AlmostValidConfig breakRule(SpecVersion v, IgnitionRule rule, Config c) {
        String files = "$.storage.files.";
        int units = c.systemd().units().size();
        return switch (rule) {
            case PATH_NOT_ABSOLUTE ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(withFile(x, plainFile("etc/tk/relative")), files + i + ".path"));
            case PATH_NOT_SIMPLIFIED ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(withFile(x, plainFile("/etc/tk/../tk/x")), files + i + ".path"));
            case DUPLICATE_PATH ->
                semantic(v, rule, c, (x, i) -> {
                    Config once = withFile(x, plainFile("/etc/tk/twice"));
                    return new Break(withFile(once, plainFile("/etc/tk/twice")), files + (i + 1));
                });
            case DUPLICATE_UNIT ->
                semantic(v, rule, c, (x, i) -> {
                    Config.Unit u = new Config.Unit(null, null, null, true, "tk-twice.service");
                    return new Break(withUnit(withUnit(x, u), u), "$.systemd.units." + (units + 1));
                });
            case FILE_UNDER_LINK ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(
                                        withLink(x, new Config.Link(null, null, "/srv/tk-link", null, null, "/var")),
                                        plainFile("/srv/tk-link/file")),
                                files + i));
            case ILLEGAL_FILE_MODE ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(
                                        x,
                                        new Config.File(
                                                null,
                                                null,
                                                "/etc/tk/badmode",
                                                null,
                                                null,
                                                Contents.inline("x"),
                                                010000L)),
                                files + i + ".mode"));
            case INVALID_URL_SCHEME ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(x, remoteFile("/etc/tk/ftp", "ftp://example.com/x", null, null)),
                                files + i + ".contents.source"));
            case INVALID_DATA_URL ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(x, remoteFile("/etc/tk/data", "data:no-comma", null, null)),
                                files + i + ".contents.source"));
            case MALFORMED_HASH ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(x, remoteFile("/etc/tk/hash", "https://example.com/x", "sha512", null)),
                                files + i + ".contents.verification.hash"));
            case HASH_SIZE ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(x, remoteFile("/etc/tk/hash", "https://example.com/x", "sha512-abcdef", null)),
                                files + i + ".contents.verification.hash"));
            case UNRECOGNIZED_HASH_FUNCTION ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(
                                        x,
                                        remoteFile(
                                                "/etc/tk/hash",
                                                "https://example.com/x",
                                                "md5-d41d8cd98f00b204e9800998ecf8427e",
                                                null)),
                                files + i + ".contents.verification.hash"));
            case INVALID_COMPRESSION ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(x, remoteFile("/etc/tk/zip", "https://example.com/x.zip", null, "zip")),
                                files + i + ".contents.compression"));
            case OVERWRITE_WITHOUT_SOURCE ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withFile(x, new Config.File(null, true, "/etc/tk/overwrite", null, null, null, null)),
                                files + i + ".overwrite"));
            case INVALID_UNIT_NAME ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withUnit(x, new Config.Unit(null, null, null, true, "tk-unit.conf")),
                                "$.systemd.units." + units + ".name"));
            case INVALID_DROPIN_NAME ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withUnit(
                                        x,
                                        new Config.Unit(
                                                null,
                                                List.of(new Config.Dropin("[Service]\n", "10-tk.txt")),
                                                null,
                                                null,
                                                "tk-dropin.service")),
                                "$.systemd.units." + units + ".dropins.0.name"));
            case INVALID_UNIT_CONTENTS ->
                semantic(
                        v,
                        rule,
                        c,
                        (x, i) -> new Break(
                                withUnit(x, new Config.Unit("[Unit\nbroken", null, null, null, "tk-broken.service")),
                                "$.systemd.units." + units + ".contents"));
            case UNKNOWN_KEY -> {
                String json = new String(Ignition.write(c, v), StandardCharsets.UTF_8);
                yield new AlmostValidConfig(v, rule, "$.tkUnknown", null, "{\"tkUnknown\":true," + json.substring(1));
            }
            case WRONG_TYPE -> {
                String json = new String(Ignition.write(c, v), StandardCharsets.UTF_8);
                yield new AlmostValidConfig(
                        v, rule, null, null, json.substring(0, json.length() - 1) + ",\"systemd\":[]}");
            }
            case BAD_VERSION -> textual(v, rule, c, "3." + v.minor());
            case UNSUPPORTED_VERSION -> textual(v, rule, c, "3.99.0");
        };
    }

    private static AlmostValidConfig textual(SpecVersion v, IgnitionRule rule, Config c, String version) {
        String json = new String(Ignition.write(c, v), StandardCharsets.UTF_8);
        String declared = "\"version\":\"" + v + "\"";
        int at = json.indexOf(declared);
        return new AlmostValidConfig(
                v,
                rule,
                null,
                null,
                json.substring(0, at) + "\"version\":\"" + version + "\"" + json.substring(at + declared.length()));
    }
}
