package dev.coreos4j.ignition.internal.constraints;

import dev.coreos4j.ignition.internal.GoStrings;
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
import java.util.function.Function;

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
 *
 * <p>Violations are indexed by JSON path ({@code $.storage.files.0.path}, list elements by index), as Ignition's
 * report addresses them. The per-type metadata is computed once per JVM and shared; instances are not thread-safe,
 * the class is.
 */
public final class FieldChecks {

    /** One field-local check: the message when {@code value} violates it, else null. */
    private interface Check extends Function<Object, String> {}

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

    private final Map<String, List<String>> byPath = new HashMap<>();

    private FieldChecks() {}

    /**
     * Evaluates every field-local constraint reachable from {@code root} (a model record) through {@link Valid}.
     *
     * @throws IllegalStateException if the model carries a constraint this interpreter does not know
     */
    public static FieldChecks of(Record root) {
        FieldChecks checks = new FieldChecks();
        checks.walk(root, "$");
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

    private void walk(Object record, String path) {
        for (Component c : COMPONENTS.get(record.getClass())) {
            Object value = read(c.accessor(), record);
            String p = path + "." + c.name();
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
                    String ep = p + "." + i;
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

    private void report(String path, String message) {
        if (message != null) {
            byPath.computeIfAbsent(path, k -> new ArrayList<>(2)).add(message);
        }
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("accessor failed: " + accessor, e.getCause());
        }
    }

    /**
     * The first message among {@code candidates} (in that priority) reported at {@code path}, else the first
     * message reported there, else null.
     */
    public String first(String path, String... candidates) {
        List<String> found = byPath.get(path);
        if (found == null) {
            return null;
        }
        for (String c : candidates) {
            if (found.contains(c)) {
                return c;
            }
        }
        return found.get(0);
    }

    /** Every path with violations and its messages (for tests). */
    public Map<String, List<String>> all() {
        return Map.copyOf(byPath);
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
    private static Check check(Annotation a, String where) {
        if (a instanceof Pattern p) {
            int flags = 0;
            for (Pattern.Flag f : p.flags()) {
                flags |= f.getValue();
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(p.regexp(), flags);
            String message = literal(p.message(), where);
            return v -> v == null || regex.matcher((CharSequence) v).matches() ? null : message;
        }
        if (a instanceof Size s) {
            String message = literal(s.message(), where);
            int min = s.min();
            int max = s.max();
            return v -> {
                if (v == null) {
                    return null;
                }
                int n = v instanceof CharSequence cs ? cs.length() : ((java.util.Collection<?>) v).size();
                return n < min || n > max ? message : null;
            };
        }
        if (a instanceof Min m) {
            String message = literal(m.message(), where);
            long min = m.value();
            return v -> v == null || ((Number) v).longValue() >= min ? null : message;
        }
        if (a instanceof Max m) {
            String message = literal(m.message(), where);
            long max = m.value();
            return v -> v == null || ((Number) v).longValue() <= max ? null : message;
        }
        if (a instanceof ByteLength b) {
            String message = literal(b.message(), where);
            int max = b.max();
            return v -> v == null || GoStrings.byteLength((String) v) <= max ? null : message;
        }
        if (a instanceof NodePath n) {
            boolean emptyAllowed = n.emptyAllowed();
            return v -> {
                String s = (String) v;
                if (emptyAllowed && (s == null || s.isEmpty())) {
                    return null;
                }
                return NodePathValidator.problem(s);
            };
        }
        if (a.annotationType().isAnnotationPresent(Constraint.class)) {
            throw new IllegalStateException(
                    where + ": constraint @" + a.annotationType().getSimpleName() + " is not interpreted by "
                            + FieldChecks.class.getSimpleName());
        }
        return null;
    }

    private static String literal(String message, String where) {
        if (message.contains("{")) {
            throw new IllegalStateException(where + ": constraint messages must be literal, got " + message);
        }
        return message;
    }
}
