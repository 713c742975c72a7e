package dev.coreos4j.cli.demo;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;
import dev.coreos4j.ignition.builder.ConfigBuilder;
import dev.coreos4j.ignition.builder.DiskBuilder;
import dev.coreos4j.ignition.builder.FileBuilder;
import dev.coreos4j.ignition.builder.FilesystemBuilder;
import dev.coreos4j.ignition.builder.KernelArgumentsBuilder;
import dev.coreos4j.ignition.builder.LuksBuilder;
import dev.coreos4j.ignition.builder.PartitionBuilder;
import dev.coreos4j.ignition.builder.RaidBuilder;
import dev.coreos4j.ignition.builder.UnitBuilder;
import dev.coreos4j.ignition.builder.UserBuilder;
import dev.coreos4j.ignition.butane.Butane;
import dev.coreos4j.ignition.butane.ButaneOptions;
import dev.coreos4j.ignition.butane.ButaneResult;
import dev.coreos4j.ignition.merge.Merge;
import dev.coreos4j.ignition.merge.MergeResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo chapter for issue #3 (ignition-model): build a realistic config with the builders (SSH user, a unit with a
 * drop-in, inline and remote files, LUKS on RAID1), validate it, show Ignition's verdict on a broken variant, write
 * it as 3.6.0 and 3.4.0, show what 3.2.0 cannot express, and merge a site-specific child config over it.
 */
final class IgnitionDemo implements DemoStep {

    static final byte[] APP = "#!/bin/sh\necho app\n".getBytes(StandardCharsets.UTF_8);

    static Config build() {
        return ConfigBuilder.create()
                .user(UserBuilder.named("core")
                        .sshKey("ssh-ed25519 AAAAC3Nza demo@example")
                        .group("wheel"))
                .kernelArguments(KernelArgumentsBuilder.create().shouldExist("console=ttyS0"))
                .disk(DiskBuilder.of("/dev/vdb").wipeTable(true).partition(PartitionBuilder.labelled("md.1")))
                .disk(DiskBuilder.of("/dev/vdc").wipeTable(true).partition(PartitionBuilder.labelled("md.2")))
                .raid(RaidBuilder.of("md-data", "raid1")
                        .device("/dev/disk/by-partlabel/md.1")
                        .device("/dev/disk/by-partlabel/md.2"))
                .luks(LuksBuilder.of("data", "/dev/md/md-data").tpm2(true).wipeVolume(true))
                .filesystem(FilesystemBuilder.of("/dev/mapper/data", "xfs")
                        .path("/var/data")
                        .label("data"))
                .file(FileBuilder.at("/etc/hostname")
                        .contents("node1\n")
                        .mode("0644")
                        .overwrite(true))
                .file(FileBuilder.at("/usr/local/bin/app")
                        .remoteContents("https://example.com/app", APP)
                        .mode("0755"))
                .unit(UnitBuilder.named("app.service")
                        .enabled(true)
                        .contents("[Service]\nExecStart=/usr/local/bin/app\n\n[Install]\nWantedBy=multi-user.target\n")
                        .dropin("10-env.conf", "[Service]\nEnvironment=MODE=demo\n"))
                .build();
    }

    /** The same machine as {@link #build()}, written as people write it: a Butane file. */
    static String butane() throws Exception {
        String hash = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(APP));
        return """
                variant: fcos
                version: 1.7.0
                passwd:
                  users:
                    - name: core
                      groups: [wheel]
                      ssh_authorized_keys: [ssh-ed25519 AAAAC3Nza demo@example]
                kernel_arguments:
                  should_exist: [console=ttyS0]
                storage:
                  disks:
                    - device: /dev/vdb
                      wipe_table: true
                      partitions: [{label: md.1}]
                    - device: /dev/vdc
                      wipe_table: true
                      partitions: [{label: md.2}]
                  raid:
                    - name: md-data
                      level: raid1
                      devices: [/dev/disk/by-partlabel/md.1, /dev/disk/by-partlabel/md.2]
                  luks:
                    - name: data
                      device: /dev/md/md-data
                      clevis: {tpm2: true}
                      wipe_volume: true
                  filesystems:
                    - device: /dev/mapper/data
                      format: xfs
                      path: /var/data
                      label: data
                  files:
                    - path: /etc/hostname
                      mode: 0644
                      overwrite: true
                      contents:
                        inline: |
                          node1
                    - path: /usr/local/bin/app
                      mode: 0755
                      contents:
                        source: https://example.com/app
                        compression: ""
                        verification: {hash: sha512-%s}
                systemd:
                  units:
                    - name: app.service
                      enabled: true
                      contents: |
                        [Service]
                        ExecStart=/usr/local/bin/app

                        [Install]
                        WantedBy=multi-user.target
                      dropins:
                        - name: 10-env.conf
                          contents: |
                            [Service]
                            Environment=MODE=demo
                """.formatted(hash);
    }

    @Override
    public String title() {
        return "Ignition: Butane, build, validate, write, merge";
    }

    @Override
    public void run(Path workdir, PrintWriter out) throws Exception {
        Path bu = workdir.resolve("config.bu");
        Files.writeString(bu, butane());
        ButaneResult translated = Butane.translate(Files.readAllBytes(bu), ButaneOptions.DEFAULT.withStrict(true));
        Config config = translated.configOrThrow();
        out.printf(
                "translated %s (Butane %s %s -> Ignition %s): %d bytes of JSON, %d report entries%n",
                workdir.relativize(bu),
                translated.variant(),
                translated.version(),
                translated.ignition(),
                Objects.requireNonNull(translated.output(), "output of a valid translation").length,
                translated.report().entries().size());
        out.println("  the same config the builders build: " + config.equals(build()));
        Report report = Ignition.validate(config);
        out.printf(
                "built a config with the builders: %d files, %d unit(s) with drop-in, LUKS on RAID1; valid: %s%n",
                config.storage().files().size(), config.systemd().units().size(), report.isValid());
        out.println("  /etc/hostname contents: "
                + config.storage().files().get(0).contents().source() + " (compression \""
                + config.storage().files().get(0).contents().compression() + "\")");

        String broken = new String(Ignition.write(config, SpecVersion.V3_6_0), StandardCharsets.UTF_8)
                .replace("\"/etc/hostname\"", "\"etc/hostname\"")
                .replace("\"mode\":493", "\"mode\":4096");
        out.println("a broken variant, as ignition-validate would report it:");
        for (dev.coreos4j.problem.Problem e : Ignition.parse(broken).report().entries()) {
            out.println("  " + Report.text(e));
        }

        for (SpecVersion v : new SpecVersion[] {SpecVersion.V3_6_0, SpecVersion.V3_4_0}) {
            Path file = workdir.resolve("config-" + v + ".ign");
            Files.write(file, Ignition.write(config, v));
            out.printf("wrote %s (%d bytes)%n", workdir.relativize(file), Files.size(file));
        }
        try {
            Ignition.write(config, SpecVersion.V3_2_0);
            throw new IllegalStateException("3.2.0 unexpectedly expressed kernelArguments");
        } catch (IgnitionException e) {
            out.println("spec 3.2.0 cannot express everything:");
            for (dev.coreos4j.problem.Problem entry : e.report().entries()) {
                out.println("  " + Report.text(entry));
            }
        }
        String back = Files.readString(workdir.resolve("config-3.4.0.ign"), StandardCharsets.UTF_8);
        out.println("reading config-3.4.0.ign back gives the same model: "
                + Objects.requireNonNull(Ignition.parse(back).config(), "the file this demo wrote parses")
                        .withVersion("3.6.0")
                        .equals(config));

        Config site = ConfigBuilder.create()
                .file(FileBuilder.at("/etc/hostname").contents("edge-42\n"))
                .unit(UnitBuilder.named("app.service").dropin("10-env.conf", "[Service]\nEnvironment=MODE=edge\n"))
                .kernelArguments(KernelArgumentsBuilder.create().shouldNotExist("console=ttyS0"))
                .build();
        MergeResult merged = Merge.merge(config, site);
        Config m = merged.config();
        out.println("merged a site config over it (child wins, lists merge by key):");
        out.println(
                "  /etc/hostname -> " + m.storage().files().get(0).contents().source() + ", mode still "
                        + Long.toOctalString(Objects.requireNonNull(
                                m.storage().files().get(0).mode(), "the demo sets the mode")));
        out.println("  kernel arguments: shouldExist " + m.kernelArguments().shouldExist() + ", shouldNotExist "
                + m.kernelArguments().shouldNotExist());
        out.println("  transcript of /etc/hostname:");
        merged.transcript().mappings().stream()
                .filter(x -> x.resultPath().startsWith(dev.coreos4j.problem.JsonPath.of("storage", "files", 0))
                        && !x.resultPath().equals(dev.coreos4j.problem.JsonPath.of("storage", "files", 0))
                        && !x.resultPath().toString().contains("user")
                        && !x.resultPath().toString().contains("group"))
                .limit(5)
                .forEach(x -> out.println("    " + x));
        out.println("  merged config valid: " + Ignition.validate(m).isValid());
    }
}
