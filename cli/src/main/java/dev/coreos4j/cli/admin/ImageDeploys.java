package dev.coreos4j.cli.admin;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.container.ImageException;
import dev.coreos4j.ostree.container.ImageReference;
import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.Sysroot;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code admin deploy --image=IMGREF} and {@code admin stage --image=IMGREF}. */
final class ImageDeploys {

    private ImageDeploys() {}

    static int run(CommandSpec spec, Sysroot s, String os, String ref, String image, DeployOptions o, boolean stage)
            throws IOException {
        if (image == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'REF' (or --image=IMGREF)");
        }
        if (ref != null) {
            throw new ParameterException(spec.commandLine(), "give either REF or --image, not both");
        }
        ImageReference r;
        try {
            r = ImageReference.parse(image);
        } catch (ImageException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return AdminCommand.report(spec, stage ? s.stageImage(os, r, o) : s.deployImage(os, r, o));
        } catch (ImageException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("coreos4j: error: " + e.getMessage() + " [" + e.kind() + "]");
            err.flush();
            return ExitCode.INVALID;
        }
    }
}
