package dev.coreos4j.ignition.isolation;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.ignition.merge.Merge;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Parsing, validating (valid and invalid configs), translating up and down, writing, merging and building, run by
 * {@link RuntimeDependenciesTest} in a class loader that holds nothing but this module and the Jakarta Validation
 * API. Returns a summary so the test can check the work was really done.
 */
public final class EverydayUse implements Callable<String> {

    @Override
    public String call() {
        ParseResult old = Ignition.parse("{\"ignition\":{\"version\":\"3.0.0\"},\"storage\":{\"files\":[{\"path\":"
                + "\"/etc/motd\",\"contents\":{\"source\":\"data:,hi\"},\"mode\":420}]}}");
        ParseResult bad = Ignition.parse("{\"ignition\":{\"version\":\"3.4.0\"},\"storage\":{\"files\":[{\"path\":"
                + "\"rel/../x\",\"mode\":99999}],\"disks\":[{\"device\":\"/dev/sda\",\"partitions\":[{\"label\":"
                + "\"a:b\",\"guid\":\"x\"}]}]},\"systemd\":{\"units\":[{\"name\":\"a.serv\"}]}}");
        Config built = ConfigBuilder.create()
                .file(FileBuilder.at("/etc/issue").contents("welcome\n"))
                .build();
        Config merged = Merge.merge(old.config(), built).config();
        String down = new String(Ignition.write(merged, SpecVersion.V3_1_0), StandardCharsets.UTF_8);
        return old.isValid() + " " + bad.report().errors().size() + " "
                + Ignition.validate(merged).isValid() + " " + down;
    }
}
