package dev.coreos4j.ignition.internal.constraints;

import dev.coreos4j.ignition.internal.GoPaths;
import dev.coreos4j.ignition.internal.GoStrings;
import dev.coreos4j.ignition.internal.rules.Finding;
import dev.coreos4j.ignition.internal.rules.IgnitionRule;
import dev.coreos4j.ignition.internal.rules.LuksRule;
import dev.coreos4j.ignition.internal.rules.NodeRule;
import dev.coreos4j.ignition.internal.rules.PartitionRule;
import dev.coreos4j.ignition.internal.rules.ResourceRule;
import dev.coreos4j.ignition.internal.rules.SystemdRule;
import dev.coreos4j.problem.JsonPath;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The field-local rules of the model, read from the Jakarta Validation annotations on its record components and
 * evaluated here, without a Bean Validation provider: the annotations are the one source of truth, both for this
 * library and for a user's own validator (Hibernate Validator, Spring, Quarkus), which reaches the same verdicts.
 *
 * <p>Supported, with Bean Validation's semantics (a null value passes every constraint): {@link Pattern} (whole-string
 * match with its flags), {@link Size} (on strings, in UTF-16 units), {@link Min}, {@link Max}, and this package's
 * {@link ByteLength} and {@link NodePath}; {@link Valid} cascades into a record value or, on a list's element type,
 * into each element. Any other constraint annotation on the model is a programming error reported when the record
 * type is first inspected, so a new annotation can never be silently ignored. Messages are taken literally (the
 * model's messages have no interpolation parameters; one with a {@code {…}} template is rejected the same way).
 * Each constraint site is bound to the {@link IgnitionRule} it checks in {@link #RULES} (a {@link NodePath} to the
 * {@link dev.coreos4j.ignition.internal.rules.PathRule} it finds), so a violation carries its rule; a site without a
 * rule is refused like an unknown annotation.
 *
 * <p>Violations are indexed by JSON path ({@code $.storage.files[0].path}), as Ignition's report addresses them. The per-type metadata is computed once per JVM and shared; instances are not thread-safe,
 * the class is.
 */
public final class FieldChecks {

    /** One field-local check: the rule {@code value} breaks, else null. */
    private interface Check extends Function<@Nullable Object, @Nullable Finding> {}

    /**
     * The rule of every constraint site of the model: {@code Record.component@Annotation} (an element type's
     * constraint: {@code Record.component[]@Annotation}). {@link NodePath} sites need none.
     */
    private static final Map<String, IgnitionRule> RULES = Map.ofEntries(
            Map.entry("Resource.compression@Pattern", ResourceRule.INVALID_COMPRESSION),
            Map.entry("HttpHeader.name@Size", ResourceRule.HTTP_HEADER_NAME_EMPTY),
            Map.entry("HttpHeader.value@Size", ResourceRule.HTTP_HEADER_VALUE_EMPTY),
            Map.entry("File.mode@Min", NodeRule.ILLEGAL_FILE_MODE),
            Map.entry("File.mode@Max", NodeRule.ILLEGAL_FILE_MODE),
            Map.entry("Directory.mode@Min", NodeRule.ILLEGAL_FILE_MODE),
            Map.entry("Directory.mode@Max", NodeRule.ILLEGAL_FILE_MODE),
            Map.entry("Partition.guid@Pattern", PartitionRule.INVALID_GUID),
            Map.entry("Partition.typeGuid@Pattern", PartitionRule.INVALID_GUID),
            Map.entry("Partition.label@ByteLength", PartitionRule.PARTITION_LABEL_TOO_LONG),
            Map.entry("Partition.label@Pattern", PartitionRule.PARTITION_LABEL_COLON),
            Map.entry("Luks.label@ByteLength", LuksRule.LUKS_LABEL_TOO_LONG),
            Map.entry("Luks.name@Pattern", LuksRule.LUKS_NAME_SLASH),
            Map.entry("Unit.name@Pattern", SystemdRule.INVALID_UNIT_EXTENSION),
            Map.entry("Dropin.name@Pattern", SystemdRule.INVALID_DROPIN_EXTENSION));

    /** How a component's value is walked after its own checks. */
    private enum Cascade {
        NONE,
        VALUE,
        ELEMENTS
    }

    private record Component(
            String name, Method accessor, List<Check> checks, Cascade cascade, List<Check> elementChecks) {}

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    private final Map<JsonPath, List<Finding>> byPath = new HashMap<>();

    private FieldChecks() {}

    /**
     * Evaluates every field-local constraint reachable from {@code root} (a model record) through {@link Valid}.
     *
     * @throws IllegalStateException if the model carries a constraint this interpreter does not know
     */
    public static FieldChecks of(Record root) {
        FieldChecks checks = new FieldChecks();
        checks.walk(root, JsonPath.ROOT);
        return checks;
    }

    /**
     * The constraint metadata of {@code type}, computed eagerly; a test calls it for every model record so an
     * unsupported annotation fails the build rather than a user's validation.
     *
     * @throws IllegalStateException if {@code type} carries a constraint this interpreter does not know
     */
    public static int constraintCount(Class<? extends Record> type) {
        int n = 0;
        for (Component c : COMPONENTS.get(type)) {
            n += c.checks().size() + c.elementChecks().size();
        }
        return n;
    }

    private void walk(Object record, JsonPath path) {
        for (Component c : COMPONENTS.get(record.getClass())) {
            Object value = read(c.accessor(), record);
            JsonPath p = path.child(c.name());
            for (Check check : c.checks()) {
                report(p, check.apply(value));
            }
            if (value == null) {
                continue;
            }
            if (c.cascade() == Cascade.VALUE) {
                walk(value, p);
            }
            if (value instanceof List<?> list
                    && (c.cascade() == Cascade.ELEMENTS || !c.elementChecks().isEmpty())) {
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    JsonPath ep = p.index(i);
                    for (Check check : c.elementChecks()) {
                        report(ep, check.apply(element));
                    }
                    if (c.cascade() == Cascade.ELEMENTS && element != null) {
                        walk(element, ep);
                    }
                }
            }
        }
    }

    private void report(JsonPath path, @Nullable Finding finding) {
        if (finding != null) {
            byPath.computeIfAbsent(path, k -> new ArrayList<>(2)).add(finding);
        }
    }

    private static @Nullable Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("accessor failed: " + accessor, e.getCause());
        }
    }

    /**
     * The violation of the first of {@code candidates} (in that priority) found at {@code path}, else the first
     * violation found there, else null.
     */
    public @Nullable Finding first(JsonPath path, IgnitionRule... candidates) {
        List<Finding> found = byPath.get(path);
        if (found == null) {
            return null;
        }
        for (IgnitionRule c : candidates) {
            for (Finding f : found) {
                if (f.rule() == c) {
                    return f;
                }
            }
        }
        return found.get(0);
    }

    /**
     * Every path with violations, in Go's dotted form ({@code $.storage.files.0.path}, as a Bean Validation
     * property path reads), and its messages (for tests).
     */
    public Map<String, List<String>> all() {
        Map<String, List<String>> out = new TreeMap<>();
        byPath.forEach((path, findings) -> out.put(
                GoPaths.dotted(path), findings.stream().map(Finding::message).toList()));
        return out;
    }

    // ------------------------------------------------------------------ metadata

    private static List<Component> inspect(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException("@Valid reaches " + type.getName() + ", which is not a model record");
        }
        List<Component> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Field field;
            try {
                field = type.getDeclaredField(rc.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("record component without a field: " + rc, e);
            }
            String where = type.getSimpleName() + "." + rc.getName();
            List<Check> checks = new ArrayList<>();
            boolean valid = false;
            for (Annotation a : field.getDeclaredAnnotations()) {
                if (a instanceof Valid) {
                    valid = true;
                } else {
                    Check c = check(a, where);
                    if (c != null) {
                        checks.add(c);
                    }
                }
            }
            List<Check> elementChecks = new ArrayList<>();
            boolean validElements = false;
            AnnotatedType at = field.getAnnotatedType();
            if (at instanceof AnnotatedParameterizedType pt && List.class.isAssignableFrom(rc.getType())) {
                for (Annotation a : pt.getAnnotatedActualTypeArguments()[0].getDeclaredAnnotations()) {
                    if (a instanceof Valid) {
                        validElements = true;
                    } else {
                        Check c = check(a, where + "[]");
                        if (c != null) {
                            elementChecks.add(c);
                        }
                    }
                }
            }
            if (valid && List.class.isAssignableFrom(rc.getType())) {
                throw new IllegalStateException(where + ": put @Valid on the element type, List<@Valid T>");
            }
            Cascade cascade = valid ? Cascade.VALUE : validElements ? Cascade.ELEMENTS : Cascade.NONE;
            if (!checks.isEmpty() || !elementChecks.isEmpty() || cascade != Cascade.NONE) {
                out.add(new Component(
                        rc.getName(), rc.getAccessor(), List.copyOf(checks), cascade, List.copyOf(elementChecks)));
            }
        }
        return List.copyOf(out);
    }

    /** The check an annotation stands for; null for an annotation that is not a constraint. */
    private static @Nullable Check check(Annotation a, String where) {
        if (a instanceof Pattern p) {
            int flags = 0;
            for (Pattern.Flag f : p.flags()) {
                flags |= f.getValue();
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(p.regexp(), flags);
            Finding finding = finding(a, p.message(), where);
            return v -> v == null || regex.matcher((CharSequence) v).matches() ? null : finding;
        }
        if (a instanceof Size s) {
            Finding finding = finding(a, s.message(), where);
            int min = s.min();
            int max = s.max();
            return v -> {
                if (v == null) {
                    return null;
                }
                int n = v instanceof CharSequence cs ? cs.length() : ((java.util.Collection<?>) v).size();
                return n < min || n > max ? finding : null;
            };
        }
        if (a instanceof Min m) {
            Finding finding = finding(a, m.message(), where);
            long min = m.value();
            return v -> v == null || ((Number) v).longValue() >= min ? null : finding;
        }
        if (a instanceof Max m) {
            Finding finding = finding(a, m.message(), where);
            long max = m.value();
            return v -> v == null || ((Number) v).longValue() <= max ? null : finding;
        }
        if (a instanceof ByteLength b) {
            Finding finding = finding(a, b.message(), where);
            int max = b.max();
            return v -> v == null || GoStrings.byteLength((String) v) <= max ? null : finding;
        }
        if (a instanceof NodePath n) {
            boolean emptyAllowed = n.emptyAllowed();
            return v -> {
                String s = (String) v;
                if (emptyAllowed && (s == null || s.isEmpty())) {
                    return null;
                }
                return NodePathValidator.finding(s);
            };
        }
        if (a.annotationType().isAnnotationPresent(Constraint.class)) {
            throw new IllegalStateException(
                    where + ": constraint @" + a.annotationType().getSimpleName() + " is not interpreted by "
                            + FieldChecks.class.getSimpleName());
        }
        return null;
    }

    /** The finding of a violated constraint: its site's rule from {@link #RULES}, with the annotation's message. */
    private static Finding finding(Annotation a, String message, String where) {
        if (message.contains("{")) {
            throw new IllegalStateException(where + ": constraint messages must be literal, got " + message);
        }
        String site = where + "@" + a.annotationType().getSimpleName();
        IgnitionRule rule = RULES.get(site);
        if (rule == null) {
            throw new IllegalStateException(
                    site + ": constraint without a rule in " + FieldChecks.class.getSimpleName());
        }
        return new Finding(rule, message);
    }
}
