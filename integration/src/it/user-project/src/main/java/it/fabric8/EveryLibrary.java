package it.fabric8;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ostree.Checksum;
import dev.coreos4j.ostree.repo.CommitOptions;
import dev.coreos4j.ostree.repo.CommitResult;
import dev.coreos4j.ostree.repo.FsckOptions;
import dev.coreos4j.ostree.repo.FsckReport;
import dev.coreos4j.ostree.repo.MutableTree;
import dev.coreos4j.ostree.repo.Repository;
import dev.coreos4j.planner.Planner;
import dev.coreos4j.planner.json.PlannerJson;
import dev.coreos4j.planner.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What a user's application does with each coreos4j library; the tests check every answer. */
public final class EveryLibrary {

    private EveryLibrary() {}

    /** Parses, validates and writes back a small Ignition config; returns the parse and the 3.4.0 bytes. */
    public static Object[] ignition(String json) {
        ParseResult parsed = Ignition.parse(json.getBytes(StandardCharsets.UTF_8));
        if (!parsed.isValid()) {
            return new Object[] {parsed, null, null};
        }
        Report again = Ignition.validate(parsed.config());
        byte[] v34 = Ignition.write(parsed.config(), SpecVersion.V3_4_0);
        return new Object[] {parsed, again, new String(v34, StandardCharsets.UTF_8)};
    }

    /** Commits a two-file tree to a new archive repository, then fscks it; returns {checksum, resolved, fsck}. */
    public static Object[] ostree(Path dir) throws IOException {
        Repository repo = Repository.init(dir);
        CommitResult r = repo.commit(new MutableTree().putFile("etc/motd", 0644, "hello\n".getBytes(StandardCharsets.UTF_8))
                        .putFile("usr/bin/app", 0755, new byte[] {1, 2, 3}),
                CommitOptions.builder().branch("it/x86_64/stable").subject("it").timestamp(0)
                        .ownerUid(0).ownerGid(0).noXattrs(true).build());
        Checksum resolved = repo.resolve("it/x86_64/stable");
        FsckReport fsck = repo.fsck(FsckOptions.defaults());
        return new Object[] {r.checksum(), resolved, fsck};
    }

    /** Reads a snapshot document, plans it and writes the plan as JSON. */
    public static String plan(String snapshotJson) {
        Snapshot s = PlannerJson.readSnapshot(snapshotJson);
        return PlannerJson.writePlan(Planner.plan(s), s.now());
    }
}
