package dev.coreos4j.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that a module's packages form layers: a package may use its own layer and the layers below it, never one
 * above. Reads the main sources (imports and fully qualified names), so a test needs no byte-code library.
 *
 * <pre>{@code
 * assertThat(Layering.violations("upgrade-planner", List.of(
 *         "dev.coreos4j.planner.internal",   // lowest layer
 *         "dev.coreos4j.planner",
 *         "dev.coreos4j.planner.render",
 *         "dev.coreos4j.planner.json")))     // highest layer
 *     .isEmpty();
 * }</pre>
 *
 * A layer is named by a package; a package belongs to the layer with the longest name that equals it or is a prefix
 * of it followed by {@code .} — but a package that is itself named as a layer is never counted in a shorter one.
 * Every package of the module must fall in a layer, so a new package is placed on purpose.
 */
public final class Layering {
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.coreos4j(?:\\.[a-z][a-z0-9_]*)+");

    private Layering() {}

    /**
     * The violations in module directory {@code module} (relative to the project root) of {@code layersBottomUp}:
     * one line per offending file and reference; empty when the layering holds.
     */
    public static List<String> violations(String module, List<String> layersBottomUp) {
        Path root = ProjectRoot.path().resolve(module).resolve("src/main/java");
        Map<String, Set<String>> refs = references(root);
        List<String> out = new ArrayList<>();
        for (var e : refs.entrySet()) {
            String file = e.getKey();
            String pkg = packageOf(root, file);
            int own = layerOf(pkg, layersBottomUp);
            if (own < 0) {
                out.add(file + ": package " + pkg + " is in no layer");
                continue;
            }
            for (String ref : e.getValue()) {
                String refPkg = ownPackage(ref, refs.keySet(), root);
                if (refPkg == null) {
                    continue; // another module, or a class name of an own-module package already counted
                }
                int layer = layerOf(refPkg, layersBottomUp);
                if (layer > own) {
                    out.add(file + ": " + pkg + " (layer " + layersBottomUp.get(own) + ") uses " + refPkg
                            + " (higher layer " + layersBottomUp.get(layer) + ")");
                }
            }
        }
        return out;
    }

    private static int layerOf(String pkg, List<String> layers) {
        int best = -1;
        for (int i = 0; i < layers.size(); i++) {
            String l = layers.get(i);
            if ((pkg.equals(l) || pkg.startsWith(l + "."))
                    && (best < 0 || l.length() > layers.get(best).length())) {
                best = i;
            }
        }
        return best;
    }

    /** {@code ref} (a package name: the pattern stops at the first upper-case segment) if this module has it. */
    private static String ownPackage(String ref, Set<String> files, Path root) {
        for (String file : files) {
            if (packageOf(root, file).equals(ref)) {
                return ref;
            }
        }
        return null;
    }

    private static String packageOf(Path root, String file) {
        Path parent = root.resolve(file).getParent();
        return root.relativize(parent).toString().replace('/', '.');
    }

    private static Map<String, Set<String>> references(Path root) {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString();
                if (name.equals("module-info.java") || name.equals("package-info.java")) {
                    continue;
                }
                Set<String> refs = new TreeSet<>();
                for (String line : Files.readAllLines(f)) {
                    String code = line.strip();
                    if (code.startsWith("package ")
                            || code.startsWith("*")
                            || code.startsWith("/*")
                            || code.startsWith("//")) {
                        continue; // comments may name anything
                    }
                    Matcher m = REFERENCE.matcher(code);
                    while (m.find()) {
                        refs.add(m.group());
                    }
                }
                out.put(root.relativize(f).toString(), refs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
