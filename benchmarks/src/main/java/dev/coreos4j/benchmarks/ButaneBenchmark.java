package dev.coreos4j.benchmarks;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.butane.Butane;
import dev.coreos4j.ignition.butane.ButaneOptions;
import dev.coreos4j.ignition.butane.ButaneResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Butane translation side by side with parsing and validating the Ignition JSON it produces (issue #13: at most 2×).
 * {@code files=20}: a typical config (20 files, 5 units, a user, a mirrored LUKS boot_device); {@code files=1000}
 * and {@code 10000}: the scaling of the same shape. Run:
 * {@code benchmarks/scripts/run-jmh.sh ButaneBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class ButaneBenchmark {

    @Param({"20", "1000"})
    int files;

    byte[] butane;
    byte[] ignition;

    /** A Butane document: {@code files} files with inline contents and modes, 5 units, a user, boot_device. */
    @SuppressWarnings("StringConcatToTextBlock") // YAML built line by line, as the loop below goes on
    static byte[] document(int files) {
        StringBuilder b = new StringBuilder("variant: fcos\nversion: 1.6.0\n");
        b.append("passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n"
                + "        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ0ZXN0a2V5 core@example\n      groups: [wheel]\n");
        b.append(
                "boot_device:\n  layout: x86_64\n  luks:\n    tpm2: true\n  mirror:\n    devices: [/dev/vda, /dev/vdb]\n");
        b.append("storage:\n  files:\n");
        for (int i = 0; i < files; i++) {
            b.append("    - path: /etc/app/conf.d/")
                    .append(i)
                    .append(".conf\n      mode: 0644\n")
                    .append("      overwrite: true\n      contents:\n        inline: |\n")
                    .append("          # generated setting ")
                    .append(i)
                    .append('\n')
                    .append("          key")
                    .append(i)
                    .append(" = value ")
                    .append(i * 7919)
                    .append('\n')
                    .append("          enabled = true\n");
        }
        b.append("systemd:\n  units:\n");
        for (int i = 0; i < 5; i++) {
            b.append("    - name: app")
                    .append(i)
                    .append(".service\n      enabled: true\n      contents: |\n")
                    .append("        [Unit]\n        Description=App ")
                    .append(i)
                    .append('\n')
                    .append("        [Service]\n        ExecStart=/usr/bin/app --instance ")
                    .append(i)
                    .append('\n')
                    .append("        [Install]\n        WantedBy=multi-user.target\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Setup
    public void setUp() {
        butane = document(files);
        ButaneResult r = Butane.translate(butane, ButaneOptions.DEFAULT);
        if (!r.isValid() || !r.report().entries().isEmpty()) {
            throw new IllegalStateException("benchmark config does not translate cleanly: " + r.report());
        }
        ignition = r.outputOrThrow();
        if (!Ignition.parse(ignition).isValid()) {
            throw new IllegalStateException("generated Ignition config is invalid");
        }
    }

    @Benchmark
    public ButaneResult translate() {
        return Butane.translate(butane, ButaneOptions.DEFAULT);
    }

    @Benchmark
    public ParseResult parseAndValidateOutput() {
        return Ignition.parse(ignition);
    }
}
