package dev.coreos4j.benchmarks;

import dev.coreos4j.ignition.Ignition;
import dev.coreos4j.ignition.ParseResult;
import dev.coreos4j.ignition.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh JVM's first {@code Ignition.parse} + {@code validate} of one config, for
 * {@code benchmarks/scripts/startup.sh}: prints the milliseconds those two calls took in-process (class loading
 * and initialisation included), and exits 0 if the config is valid. With no argument it does nothing, so the script
 * can time the same JVM and class path without the work.
 */
public final class FirstParse {

    private FirstParse() {}

    /**
     * Parses and validates {@code args[0]}, if given.
     *
     * @param args the config file, or nothing
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            return;
        }
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        long t0 = System.nanoTime();
        ParseResult parsed = Ignition.parse(bytes);
        Report report = Ignition.validate(parsed.configOrThrow());
        long t1 = System.nanoTime();
        System.out.printf("first parse+validate in-process: %.1f ms%n", (t1 - t0) / 1e6);
        System.exit(report.isValid() ? 0 : 1);
    }
}
