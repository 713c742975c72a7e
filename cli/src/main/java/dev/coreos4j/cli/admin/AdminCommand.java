package dev.coreos4j.cli.admin;

import dev.coreos4j.cli.ExitCode;
import dev.coreos4j.ostree.deploy.ConfigDiff;
import dev.coreos4j.ostree.deploy.DeployOptions;
import dev.coreos4j.ostree.deploy.Deployment;
import dev.coreos4j.ostree.deploy.DeploymentList;
import dev.coreos4j.ostree.deploy.KargEdit;
import dev.coreos4j.ostree.deploy.Sysroot;
import dev.coreos4j.ostree.deploy.Transition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coreos4j admin}: OSTree deployments of a sysroot, with {@code ostree admin} / rpm-ostree spellings. */
@Command(
        name = "admin",
        header = "Manage the deployments of an OSTree sysroot.",
        mixinStandardHelpOptions = true,
        description = {
            "Manage the deployments of an OSTree sysroot: deploy, stage, finalize, roll back, pin, clean up.",
            "Layout, bootloader entries and atomic swaps as libostree writes them. Booting is simulated with 'boot'.",
        },
        subcommands = {
            AdminCommand.InitFs.class,
            AdminCommand.OsInit.class,
            AdminCommand.Deploy.class,
            AdminCommand.Stage.class,
            AdminCommand.Finalize.class,
            AdminCommand.Boot.class,
            AdminCommand.Status.class,
            AdminCommand.Rollback.class,
            AdminCommand.SetDefault.class,
            AdminCommand.Undeploy.class,
            AdminCommand.Pin.class,
            AdminCommand.Kargs.class,
            AdminCommand.Cleanup.class,
            AdminCommand.ConfigDiffCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   the transition was refused (the reason is printed)",
            "  2   usage error or I/O error",
        })
public final class AdminCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--sysroot",
            paramLabel = "PATH",
            defaultValue = "/",
            description = "The sysroot to operate on (default: ${DEFAULT-VALUE}).")
    Path sysroot;

    @Option(
            names = "--run-dir",
            paramLabel = "DIR",
            description = "Where run-time state lives (booted marker, staged deployment); default SYSROOT/run/ostree.")
    Path runDir;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    Sysroot open() throws IOException {
        return runDir == null ? Sysroot.open(sysroot) : Sysroot.open(sysroot, runDir);
    }

    /** Prints an applied transition's message (exit 0) or the refusal (one line on stderr, exit 1). */
    static int report(CommandSpec spec, Transition t) {
        if (t.isApplied()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(t.message());
            out.flush();
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("coreos4j: "
                + t.refusal().reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
                + t.message());
        err.flush();
        return ExitCode.INVALID;
    }

    /** The stateroot named by {@code --os}, else the booted one, else the only one. */
    static String stateroot(CommandSpec spec, Sysroot sysroot, String os) throws IOException {
        if (os != null) {
            return os;
        }
        DeploymentList list = sysroot.load();
        Optional<Deployment> booted = list.bootedDeployment();
        if (booted.isPresent()) {
            return booted.get().stateroot();
        }
        if (list.stateroots().size() == 1) {
            return list.stateroots().iterator().next();
        }
        throw new ParameterException(
                spec.commandLine(),
                "--os=NAME is required: not booted and " + list.stateroots().size() + " stateroots exist");
    }

    /** Base of the subcommands: the parent's sysroot and the spec. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        AdminCommand admin;

        @Spec
        CommandSpec spec;
    }

    @Command(
            name = "init-fs",
            mixinStandardHelpOptions = true,
            description = "Create an empty sysroot at PATH (boot/, ostree/deploy/, a bare ostree/repo).")
    static final class InitFs extends Sub {
        @Option(
                names = "--modern",
                description = "Accepted for ostree compatibility; the layout is always the modern one.")
        boolean modern;

        @Parameters(paramLabel = "PATH")
        Path path;

        @Override
        public Integer call() throws IOException {
            Sysroot.initFs(path);
            spec.commandLine().getOut().println("Initialized sysroot " + path);
            return ExitCode.OK;
        }
    }

    @Command(
            name = "os-init",
            mixinStandardHelpOptions = true,
            description = "Initialize a stateroot (ostree/deploy/NAME/var).")
    static final class OsInit extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            try {
                Deployment.checkStateroot(name);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return report(spec, admin.open().osInit(name));
        }
    }

    /** The deploy flags shared by deploy and stage. */
    static final class DeployFlags {
        @Option(names = "--os", paramLabel = "NAME", description = "Stateroot to deploy into.")
        String os;

        @Option(
                names = "--karg",
                paramLabel = "K=V",
                description = "Set a kernel argument (replaces every value of K).")
        List<String> karg = new ArrayList<>();

        @Option(names = "--karg-append", paramLabel = "K=V", description = "Append a kernel argument.")
        List<String> kargAppend = new ArrayList<>();

        @Option(names = "--karg-delete", paramLabel = "K[=V]", description = "Delete a kernel argument.")
        List<String> kargDelete = new ArrayList<>();

        @Option(
                names = "--karg-none",
                description = "Start from no kernel arguments instead of the merge deployment's.")
        boolean kargNone;

        @Option(names = "--retain", description = "Keep every existing deployment.")
        boolean retain;

        @Option(names = "--retain-pending", description = "Keep pending deployments.")
        boolean retainPending;

        @Option(names = "--retain-rollback", description = "Keep rollback deployments.")
        boolean retainRollback;

        @Option(names = "--not-as-default", description = "Put the new deployment after the booted one, not first.")
        boolean notAsDefault;

        @Option(
                names = "--no-merge",
                description = "Do not merge /etc or kernel arguments from the current deployment.")
        boolean noMerge;

        DeployOptions options() {
            List<KargEdit> edits = new ArrayList<>();
            try {
                karg.forEach(k -> edits.add(KargEdit.set(k)));
                kargAppend.forEach(k -> edits.add(KargEdit.append(k)));
                kargDelete.forEach(k -> edits.add(KargEdit.delete(k)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return new DeployOptions(notAsDefault, retain, retainPending, retainRollback, noMerge, kargNone, edits);
        }
    }

    @Command(
            name = "deploy",
            mixinStandardHelpOptions = true,
            description = "Check out REF (ref, remote:ref or checksum of the system repo) as a new deployment.")
    static final class Deploy extends Sub {
        @picocli.CommandLine.Mixin
        DeployFlags flags = new DeployFlags();

        @Option(names = "--stage", description = "Stage it: /etc merge and bootloader change wait for finalize.")
        boolean stage;

        @Parameters(paramLabel = "REF", arity = "0..1")
        String ref;

        @Option(
                names = "--image",
                paramLabel = "IMGREF",
                description =
                        "Deploy a container image instead of REF"
                                + " (ostree-unverified-image:oci:DIR[:TAG], …:oci-archive:FILE, ostree-unverified-registry:HOST/NAME:TAG).")
        String image;

        @Override
        public Integer call() throws IOException {
            Sysroot s = admin.open();
            String os = stateroot(spec, s, flags.os);
            DeployOptions o = options(spec, flags);
            if (image != null || ref == null) {
                return ImageDeploys.run(spec, s, os, ref, image, o, stage);
            }
            return report(spec, stage ? s.stage(os, ref, o) : s.deploy(os, ref, o));
        }
    }

    static DeployOptions options(CommandSpec spec, DeployFlags flags) {
        try {
            return flags.options();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Command(
            name = "stage",
            mixinStandardHelpOptions = true,
            description =
                    "Same as 'deploy --stage': needs a booted sysroot; finalized at the next boot or by 'finalize'.")
    static final class Stage extends Sub {
        @picocli.CommandLine.Mixin
        DeployFlags flags = new DeployFlags();

        @Parameters(paramLabel = "REF", arity = "0..1")
        String ref;

        @Option(names = "--image", paramLabel = "IMGREF", description = "Stage a container image instead of REF.")
        String image;

        @Override
        public Integer call() throws IOException {
            Sysroot s = admin.open();
            if (image != null || ref == null) {
                return ImageDeploys.run(spec, s, stateroot(spec, s, flags.os), ref, image, options(spec, flags), true);
            }
            return report(spec, s.stage(stateroot(spec, s, flags.os), ref, options(spec, flags)));
        }
    }

    @Command(
            name = "finalize",
            aliases = "finalize-staged",
            mixinStandardHelpOptions = true,
            description = "Finalize the staged deployment now (/etc merge, bootloader swap).")
    static final class Finalize extends Sub {
        @Override
        public Integer call() throws IOException {
            return report(spec, admin.open().finalizeStaged());
        }
    }

    @Command(
            name = "boot",
            mixinStandardHelpOptions = true,
            description =
                    "Simulate a reboot into bootloader entry INDEX (0 = default); a staged deployment is finalized first.")
    static final class Boot extends Sub {
        @Parameters(paramLabel = "INDEX", defaultValue = "0")
        int index;

        @Override
        public Integer call() throws IOException {
            return report(spec, admin.open().boot(index));
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Show the deployments like rpm-ostree status.")
    static final class Status extends Sub {
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            var status = admin.open().status();
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? status.toJson() : status.toText() + "\n");
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(
            name = "rollback",
            mixinStandardHelpOptions = true,
            description = "Make the rollback deployment the default (rpm-ostree rollback).")
    static final class Rollback extends Sub {
        @Override
        public Integer call() throws IOException {
            return report(spec, admin.open().rollback());
        }
    }

    @Command(name = "set-default", mixinStandardHelpOptions = true, description = "Make deployment INDEX the default.")
    static final class SetDefault extends Sub {
        @Parameters(paramLabel = "INDEX")
        int index;

        @Override
        public Integer call() throws IOException {
            return report(spec, admin.open().setDefault(index));
        }
    }

    @Command(name = "undeploy", mixinStandardHelpOptions = true, description = "Delete deployment INDEX.")
    static final class Undeploy extends Sub {
        @Parameters(paramLabel = "INDEX")
        int index;

        @Override
        public Integer call() throws IOException {
            return report(spec, admin.open().undeploy(index));
        }
    }

    @Command(
            name = "pin",
            mixinStandardHelpOptions = true,
            description = "Pin (or with --unpin, unpin) each deployment INDEX, as ostree admin pin.")
    static final class Pin extends Sub {
        @Option(
                names = {"-u", "--unpin"},
                description = "Unpin instead.")
        boolean unpin;

        @Parameters(paramLabel = "INDEX", arity = "1..*")
        List<Integer> indices = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Sysroot sysroot = admin.open();
            PrintWriter out = spec.commandLine().getOut();
            for (int index : indices) {
                List<Deployment> all = sysroot.load().deployments();
                if (index >= 0 && index < all.size() && all.get(index).pinned() == !unpin) {
                    out.println("Deployment " + index + " is already " + (unpin ? "unpinned" : "pinned"));
                    continue;
                }
                Transition t = sysroot.pin(index, !unpin);
                if (!t.isApplied()) {
                    return report(spec, t);
                }
                out.println("Deployment " + index + " is now " + (unpin ? "unpinned" : "pinned"));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(
            name = "kargs",
            mixinStandardHelpOptions = true,
            description =
                    "Edit kernel arguments as a new deployment of the booted (else default) commit (rpm-ostree kargs).")
    static final class Kargs extends Sub {
        @Option(names = "--append", paramLabel = "K=V")
        List<String> append = new ArrayList<>();

        @Option(names = "--append-if-missing", paramLabel = "K=V")
        List<String> appendIfMissing = new ArrayList<>();

        @Option(names = "--replace", paramLabel = "K=V|K=OLD=NEW")
        List<String> replace = new ArrayList<>();

        @Option(names = "--delete", paramLabel = "K[=V]")
        List<String> delete = new ArrayList<>();

        @Option(names = "--delete-if-present", paramLabel = "K[=V]")
        List<String> deleteIfPresent = new ArrayList<>();

        @Option(names = "--stage", description = "Stage the new deployment instead of deploying it now.")
        boolean stage;

        @Option(
                names = "--edit-in-place",
                description =
                        "Rewrite every bootloader entry instead (ostree admin kargs edit-in-place); no new deployment.")
        boolean editInPlace;

        @Override
        public Integer call() throws IOException {
            List<KargEdit> edits = new ArrayList<>();
            try {
                append.forEach(a -> edits.add(new KargEdit(KargEdit.Op.APPEND, a)));
                appendIfMissing.forEach(a -> edits.add(new KargEdit(KargEdit.Op.APPEND_IF_MISSING, a)));
                replace.forEach(a -> edits.add(new KargEdit(KargEdit.Op.REPLACE, a)));
                delete.forEach(a -> edits.add(new KargEdit(KargEdit.Op.DELETE, a)));
                deleteIfPresent.forEach(a -> edits.add(new KargEdit(KargEdit.Op.DELETE_IF_PRESENT, a)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (edits.isEmpty()) {
                var list = admin.open().load();
                Optional<Deployment> d = list.bootedDeployment().or(() -> list.get(0));
                spec.commandLine()
                        .getOut()
                        .println(d.map(x -> x.kernelArgs().toString()).orElse(""));
                return ExitCode.OK;
            }
            if (editInPlace) {
                return report(spec, admin.open().editKargsInPlace(edits));
            }
            return report(spec, admin.open().changeKargs(edits, stage));
        }
    }

    @Command(
            name = "cleanup",
            mixinStandardHelpOptions = true,
            description =
                    "Remove pending (-p) and/or rollback (-r) deployments, then unreferenced files (rpm-ostree cleanup).")
    static final class Cleanup extends Sub {
        @Option(
                names = {"-p", "--pending"},
                description = "Remove the pending (or staged) deployment.")
        boolean pending;

        @Option(
                names = {"-r", "--rollback"},
                description = "Remove the rollback deployment.")
        boolean rollback;

        @Override
        public Integer call() throws IOException {
            return report(spec, admin.open().cleanup(pending, rollback));
        }
    }

    @Command(
            name = "config-diff",
            mixinStandardHelpOptions = true,
            description =
                    "List /etc changes of the merge deployment against its defaults (M modified, D removed, A added).")
    static final class ConfigDiffCommand extends Sub {
        @Option(names = "--os", paramLabel = "NAME", description = "Stateroot (default: booted, or the only one).")
        String os;

        @Override
        public Integer call() throws IOException {
            Sysroot s = admin.open();
            ConfigDiff d = s.configDiff(stateroot(spec, s, os));
            PrintWriter out = spec.commandLine().getOut();
            d.lines().forEach(out::println);
            out.flush();
            return ExitCode.OK;
        }
    }
}
