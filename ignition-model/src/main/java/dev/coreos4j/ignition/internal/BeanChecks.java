package dev.coreos4j.ignition.internal;

import dev.coreos4j.ignition.Config;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs the Jakarta Bean Validation constraints declared on the model (field-local rules) and indexes the violations
 * by JSON path. Hibernate Validator's bootstrap costs a few hundred milliseconds, so the factory is built lazily,
 * once per JVM, on first use; the validator is thread-safe.
 */
public final class BeanChecks {

    private static final class Holder {
        static final Validator VALIDATOR;
        /** Kept reachable so the level sticks: Hibernate Validator's start-up banner is not our output. */
        static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.hibernate.validator");

        static {
            QUIET.setLevel(java.util.logging.Level.WARNING);
            ValidatorFactory factory = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
            VALIDATOR = factory.getValidator();
        }
    }

    private final Map<String, List<String>> byPath = new HashMap<>();

    private BeanChecks() {
    }

    /** Validates {@code config} and indexes the messages by JSON path ({@code $.storage.files.0.path}). */
    public static BeanChecks of(Config config) {
        BeanChecks checks = new BeanChecks();
        for (ConstraintViolation<Config> v : Holder.VALIDATOR.validate(config)) {
            checks.byPath.computeIfAbsent(jsonPath(v.getPropertyPath()), k -> new ArrayList<>())
                    .add(v.getMessage());
        }
        return checks;
    }

    /** Converts a Bean Validation property path into Ignition's JSON path. */
    static String jsonPath(Path path) {
        StringBuilder out = new StringBuilder("$");
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('.').append(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                out.append('.').append(node.getName());
            }
        }
        return out.toString();
    }

    /** The first message among {@code candidates} (in that priority) reported at {@code path}, or null. */
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

    /** Whether any violation was found at all. */
    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** Every path with violations (for tests). */
    public Map<String, List<String>> all() {
        return Map.copyOf(byPath);
    }
}
