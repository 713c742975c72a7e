package dev.coreos4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/** One chapter of {@code coreos4j demo}: a module's part of the end-to-end story. */
interface DemoStep {

    /** A short title, printed as the chapter heading. */
    String title();

    /**
     * Runs the chapter in {@code workdir} (a folder of its own), telling {@code out} what happened.
     *
     * @throws Exception when the chapter cannot complete; the demo then fails with that message
     */
    void run(Path workdir, PrintWriter out) throws Exception;
}
