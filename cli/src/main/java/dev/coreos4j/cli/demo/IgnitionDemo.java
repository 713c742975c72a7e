package dev.coreos4j.cli.demo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.coreos4j.ignition.Config;
import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.IgnitionException;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import dev.coreos4j.ignition.SpecVersion;

/**
 * The demo chapter for issue #3 (ignition-model): parse a realistic 3.3.0 config, show Ignition's verdict on a
 * broken variant, write the config as 3.6.0 and 3.4.0, and show what 3.2.0 cannot express.
 */
final class IgnitionDemo implements DemoStep {

    static final String CONFIG = """
            {
              "ignition": {"version": "3.3.0", "timeouts": {"httpTotal": 30}},
              "passwd": {"users": [{"name": "core", "sshAuthorizedKeys": ["ssh-ed25519 AAAAC3Nza demo@example"]}]},
              "kernelArguments": {"shouldExist": ["console=ttyS0"]},
              "storage": {
                "raid": [{"name": "md-data", "level": "raid1", "devices": ["/dev/vdb", "/dev/vdc"]}],
                "luks": [{"name": "data", "device": "/dev/md/md-data", "clevis": {"tpm2": true}, "wipeVolume": true}],
                "filesystems": [{"device": "/dev/mapper/data", "format": "xfs", "path": "/var/data", "label": "data"}],
                "files": [
                  {"path": "/etc/hostname", "mode": 420, "overwrite": true, "contents": {"source": "data:,node1%0A"}},
                  {"path": "/usr/local/bin/app", "mode": 493, "contents": {"source": "https://example.com/app",
                   "verification": {"hash": "sha256-eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"}}}
                ]
              },
              "systemd": {"units": [{"name": "app.service", "enabled": true,
                "contents": "[Service]\\nExecStart=/usr/local/bin/app\\n\\n[Install]\\nWantedBy=multi-user.target\\n",
                "dropins": [{"name": "10-env.conf", "contents": "[Service]\\nEnvironment=MODE=demo\\n"}]}]}
            }
            """;

    @Override
    public String title() {
        return "Ignition: parse, validate, write";
    }

    @Override
    public void run(Path workdir, PrintWriter out) throws Exception {
        ParseResult parsed = Ignition.parse(CONFIG);
        Config config = parsed.configOrThrow();
        out.printf("parsed a spec %s config: %d files, %d units, LUKS on RAID1; %d report entries%n",
                parsed.version(), config.storage().files().size(), config.systemd().units().size(),
                parsed.report().entries().size());

        String broken = CONFIG.replace("\"/etc/hostname\"", "\"etc/hostname\"").replace("\"mode\": 493", "\"mode\": 4096");
        out.println("a broken variant, as ignition-validate would report it:");
        for (Report.Entry e : Ignition.parse(broken).report().entries()) {
            out.println("  " + e);
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
            for (Report.Entry entry : e.report().entries()) {
                out.println("  " + entry);
            }
        }
        String back = Files.readString(workdir.resolve("config-3.4.0.ign"), StandardCharsets.UTF_8);
        out.println("reading config-3.4.0.ign back gives the same model: " + Ignition.parse(back).config().equals(config));
    }
}
