package dev.coreos4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A large, valid, realistic Ignition 3.3.0 config: {@code files} files with data-URL contents and hashes,
 * directories, {@code units} enabled units with a drop-in each. 20,000 files and 2,000 units give about 5 MB.
 */
public final class LargeIgnitionConfig {
    private LargeIgnitionConfig() {}

    /** The config's JSON bytes. */
    public static byte[] generate(int files, int units) {
        StringBuilder out = new StringBuilder(files * 260 + units * 400);
        out.append("{\"ignition\":{\"version\":\"3.3.0\"},\"passwd\":{\"users\":[{\"name\":\"core\",")
                .append("\"sshAuthorizedKeys\":[\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB core@example\"]}]},")
                .append("\"storage\":{\"directories\":[");
        int dirs = Math.max(1, files / 40);
        for (int d = 0; d < dirs; d++) {
            out.append(d == 0 ? "" : ",")
                    .append("{\"path\":\"/var/lib/app/d")
                    .append(d)
                    .append("\",\"mode\":493}");
        }
        out.append("],\"files\":[");
        for (int i = 0; i < files; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"path\":\"/var/lib/app/d")
                    .append(i % dirs)
                    .append("/f")
                    .append(i)
                    .append(".conf\",\"mode\":420,\"overwrite\":true,\"user\":{\"name\":\"core\"},")
                    .append("\"contents\":{\"source\":\"data:,key%3D")
                    .append(i)
                    .append("%0A\",")
                    .append("\"verification\":{\"hash\":\"sha512-")
                    .append("0".repeat(128))
                    .append("\"}}}");
        }
        out.append("]},\"systemd\":{\"units\":[");
        for (int u = 0; u < units; u++) {
            out.append(u == 0 ? "" : ",")
                    .append("{\"name\":\"app-")
                    .append(u)
                    .append(".service\",\"enabled\":true,")
                    .append("\"contents\":\"[Unit]\\nDescription=App ")
                    .append(u)
                    .append("\\nAfter=network-online.target\\n\\n[Service]\\nExecStart=/usr/bin/app --id ")
                    .append(u)
                    .append("\\nRestart=always\\n\\n[Install]\\nWantedBy=multi-user.target\\n\",")
                    .append("\"dropins\":[{\"name\":\"10-env.conf\",\"contents\":\"[Service]\\nEnvironment=ID=")
                    .append(u)
                    .append("\\n\"}]}");
        }
        out.append("]}}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the config to {@code args[0]} ({@code args[1]} files, {@code args[2]} units; default 20000/2000). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: LargeIgnitionConfig OUT.json [FILES [UNITS]]");
            System.exit(2);
        }
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int units = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Files.write(Path.of(args[0]), generate(files, units));
    }
}
