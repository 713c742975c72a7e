package dev.coreos4j.cli;

import dev.coreos4j.cli.admin.AdminCommand;
import dev.coreos4j.cli.butane.ButaneCommand;
import dev.coreos4j.cli.container.ContainerCommand;
import dev.coreos4j.cli.demo.DemoCommand;
import dev.coreos4j.cli.ignition.IgnitionCommand;
import dev.coreos4j.cli.ostree.OstreeCommand;
import dev.coreos4j.cli.plan.PlanCommand;
import dev.coreos4j.cli.snapshot.SnapshotCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code coreos4j} command: only dispatches to its subcommands. */
@Command(
        name = "coreos4j",
        mixinStandardHelpOptions = true,
        versionProvider = CoreosCommand.Version.class,
        description = "Ignition configs, OSTree repositories and deployments, and rolling-upgrade plans"
                + " for Fedora CoreOS / RHEL CoreOS, from the JVM.",
        subcommands = {
            IgnitionCommand.class,
            ButaneCommand.class,
            OstreeCommand.class,
            AdminCommand.class,
            ContainerCommand.class,
            PlanCommand.class,
            SnapshotCommand.class,
            DemoCommand.class,
            HelpCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   the input is invalid / a check failed",
            "  2   usage error or I/O error",
        })
public final class CoreosCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** Reads the project version that the build wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"coreos4j " + projectVersion()};
        }
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String projectVersion() throws IOException {
        try (InputStream in = CoreosCommand.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IOException("version.properties is missing from the coreos4j jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
