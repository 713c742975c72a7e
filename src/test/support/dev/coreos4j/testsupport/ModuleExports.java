package dev.coreos4j.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Reads a library module's compiled {@code module-info.class}, for the tests that pin its export set. */
public final class ModuleExports {

    private ModuleExports() {}

    /**
     * The descriptor of the module whose classes hold {@code anchor}: the runtime module's when the tests run on the
     * module path (surefire patches them into it), else the compiled {@code module-info.class} beside the classes.
     */
    public static ModuleDescriptor descriptorOf(Class<?> anchor) {
        if (anchor.getModule().isNamed()) {
            return anchor.getModule().getDescriptor();
        }
        try {
            Path classes = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path info = Files.isDirectory(classes) ? classes.resolve("module-info.class") : null;
            if (info == null || !Files.isRegularFile(info)) {
                throw new IllegalStateException("no module-info.class beside " + anchor.getName() + " in " + classes);
            }
            try (InputStream in = Files.newInputStream(info)) {
                return ModuleDescriptor.read(in);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the module descriptor of " + anchor.getName(), e);
        }
    }

    /** The packages the module exports, unqualified and qualified alike, sorted. */
    public static Set<String> exportedPackages(Class<?> anchor) {
        Set<String> packages = new TreeSet<>();
        for (ModuleDescriptor.Exports export : descriptorOf(anchor).exports()) {
            packages.add(export.source());
        }
        return packages;
    }
}
