package dev.coreos4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DirectiveTree;
import com.sun.source.tree.ExportsTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModuleTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public (and protected) type, constructor, method, field and enum constant of every package a library module
 * exports has a Javadoc comment. Javadoc's own doclint runs without its {@code missing} group (which also demands a
 * {@code @param}/{@code @return} tag per member); this is the part of {@code missing} the project holds itself to.
 * Not required: members annotated {@code @Override} (they inherit their contract), record accessors and canonical
 * constructors, compact or not (documented by the record's {@code @param} tags).
 */
class JavadocCoverageTest {

    @Test
    void everyPublicElementOfAnExportedPackage_hasAComment() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Poms.Module m : Poms.reactor()) {
            Path src = Poms.ROOT.resolve(m.dir()).resolve("src/main/java");
            if (!m.deployed() || !Files.isRegularFile(src.resolve("module-info.java"))) {
                continue;
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null);
                    Stream<Path> walk = Files.walk(src)) {
                List<Path> files = walk.filter(p -> p.toString().endsWith(".java"))
                        .sorted()
                        .toList();
                JavacTask task = (JavacTask) javac.getTask(
                        null, fm, null, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
                DocTrees docs = DocTrees.instance(task);
                List<CompilationUnitTree> units = new ArrayList<>();
                task.parse().forEach(units::add);
                Set<String> exported = new HashSet<>();
                for (CompilationUnitTree u : units) {
                    if (u.getModule() != null) {
                        exported.addAll(exports(u.getModule()));
                    }
                }
                for (CompilationUnitTree u : units) {
                    if (u.getPackageName() == null
                            || !exported.contains(u.getPackageName().toString())) {
                        continue;
                    }
                    Scanner s = new Scanner(docs, u, Poms.ROOT);
                    s.scan(u, null);
                    missing.addAll(s.missing);
                    checked += s.checked;
                }
            }
        }
        assertThat(checked).as("elements checked").isGreaterThan(500);
        assertThat(missing).as("public API elements without a Javadoc comment").isEmpty();
    }

    private static Set<String> exports(ModuleTree module) {
        Set<String> out = new HashSet<>();
        for (DirectiveTree d : module.getDirectives()) {
            if (d instanceof ExportsTree e && e.getModuleNames() == null) {
                out.add(e.getPackageName().toString());
            }
        }
        return out;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final CompilationUnitTree unit;
        private final Path root;
        final List<String> missing = new ArrayList<>();
        int checked;

        Scanner(DocTrees docs, CompilationUnitTree unit, Path root) {
            this.docs = docs;
            this.unit = unit;
            this.root = root;
        }

        private void require(String what) {
            checked++;
            if (docs.getDocCommentTree(getCurrentPath()) == null) {
                long line = unit.getLineMap()
                        .getLineNumber(docs.getSourcePositions()
                                .getStartPosition(unit, getCurrentPath().getLeaf()));
                missing.add(root.relativize(Path.of(unit.getSourceFile().toUri())) + ":" + line + " " + what);
            }
        }

        /** Visible to users: public, or implicitly public in an interface, or protected in an extensible class. */
        private static boolean visible(Set<Modifier> mods, ClassTree owner) {
            boolean inInterface = owner != null
                    && (owner.getKind() == Tree.Kind.INTERFACE || owner.getKind() == Tree.Kind.ANNOTATION_TYPE);
            if (mods.contains(Modifier.PRIVATE)) {
                return false;
            }
            return mods.contains(Modifier.PUBLIC)
                    || inInterface
                    || (mods.contains(Modifier.PROTECTED)
                            && !owner.getModifiers().getFlags().contains(Modifier.FINAL));
        }

        private ClassTree owner() {
            TreePath p = getCurrentPath().getParentPath();
            return p != null && p.getLeaf() instanceof ClassTree c ? c : null;
        }

        @Override
        public Void visitClass(ClassTree c, Void v) {
            ClassTree owner = owner();
            boolean top = getCurrentPath().getParentPath().getLeaf() instanceof CompilationUnitTree;
            if (!(top
                    ? c.getModifiers().getFlags().contains(Modifier.PUBLIC)
                    : visible(c.getModifiers().getFlags(), owner))) {
                return null;
            }
            require("type " + c.getSimpleName());
            return super.visitClass(c, v);
        }

        @Override
        public Void visitMethod(MethodTree m, Void v) {
            ClassTree owner = owner();
            if (owner == null || !visible(m.getModifiers().getFlags(), owner)) {
                return null;
            }
            boolean override = m.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
            boolean record = owner.getKind() == Tree.Kind.RECORD;
            long components = owner.getMembers().stream()
                    .filter(t -> t instanceof VariableTree f
                            && !f.getModifiers().getFlags().contains(Modifier.STATIC))
                    .count();
            boolean canonical = record
                    && m.getName().contentEquals("<init>")
                    && ((m.getParameters().isEmpty() && isCompact(m))
                            || m.getParameters().size() == components);
            boolean accessor = record
                    && m.getParameters().isEmpty()
                    && owner.getMembers().stream()
                            .anyMatch(t -> t instanceof VariableTree f
                                    && f.getName().contentEquals(m.getName())
                                    && !f.getModifiers().getFlags().contains(Modifier.STATIC));
            if (!override && !canonical && !accessor) {
                require((m.getName().contentEquals("<init>")
                                ? "constructor " + owner.getSimpleName()
                                : "method " + m.getName())
                        + "(" + m.getParameters().size() + " params)");
            }
            return null; // never into bodies (anonymous and local classes are not API)
        }

        private boolean isCompact(MethodTree m) {
            // A compact canonical constructor has no parameter list in the source.
            long start = docs.getSourcePositions().getStartPosition(unit, m);
            long body = docs.getSourcePositions().getStartPosition(unit, m.getBody());
            try {
                String text = unit.getSourceFile()
                        .getCharContent(true)
                        .subSequence((int) start, (int) body)
                        .toString();
                return !text.contains("(");
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public Void visitVariable(VariableTree f, Void v) {
            ClassTree owner = owner();
            if (owner == null) {
                return null;
            }
            boolean enumConstant = owner.getKind() == Tree.Kind.ENUM
                    && f.getInitializer() instanceof NewClassTree n
                    && n.getIdentifier().toString().equals(owner.getSimpleName().toString());
            boolean component = owner.getKind() == Tree.Kind.RECORD
                    && !f.getModifiers().getFlags().contains(Modifier.STATIC);
            if (enumConstant || (!component && visible(f.getModifiers().getFlags(), owner))) {
                require((enumConstant ? "enum constant " : "field ") + f.getName());
            }
            return null;
        }
    }
}
