package dev.coreos4j.testsupport;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a test needs to start a worker JVM that sees the same classes as the test itself. */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * A class path holding {@code anchor}'s (test) classes, the module under test and every dependency. Surefire runs
     * a named module's tests on the module path, patched into the module: then {@code java.class.path} holds only the
     * test libraries, the module and its dependencies are on {@code jdk.module.path} and the test classes are neither.
     * The worker runs on the class path, which is enough for a worker.
     */
    public static String classPath(Class<?> anchor) {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(anchor.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor.getName(), e);
        }
        for (String property : new String[] {"jdk.module.path", "surefire.test.class.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                for (String e : value.split(File.pathSeparator)) {
                    if (!e.isEmpty()) {
                        entries.add(e);
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
