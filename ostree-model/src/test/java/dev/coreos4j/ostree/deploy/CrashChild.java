package dev.coreos4j.ostree.deploy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: opens a sysroot, warms up, prints {@code READY}, waits for a line on
 * stdin, runs one transition and prints {@code DONE}. The parent kills it with SIGKILL at a random instant.
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Sysroot sysroot = Sysroot.open(Path.of(args[0]));
        String op = args[1];
        sysroot.load();
        sysroot.check();
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Transition t;
        switch (op) {
            case "deploy":
                t = sysroot.deploy("testos", args[2], DeployOptions.DEFAULTS);
                break;
            case "stage":
                t = sysroot.stage("testos", args[2], DeployOptions.DEFAULTS);
                break;
            case "finalize":
                t = sysroot.finalizeStaged();
                break;
            case "rollback":
                t = sysroot.rollback();
                break;
            case "cleanup":
                t = sysroot.cleanup(true, true);
                break;
            default:
                throw new IllegalArgumentException(op);
        }
        System.out.println(t.isApplied() ? "DONE" : "REFUSED " + t.message());
        System.out.flush();
    }
}
