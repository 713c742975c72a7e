package dev.coreos4j.ignition.internal.constraints;

import dev.coreos4j.ignition.internal.GoStrings;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NodePath}, reporting the specific Ignition message. */
public final class NodePathValidator implements ConstraintValidator<NodePath, String> {
    private boolean emptyAllowed;

    @Override
    public void initialize(NodePath annotation) {
        emptyAllowed = annotation.emptyAllowed();
    }

    /** The Ignition message for a path, or null when it is fine. */
    public static String problem(String p) {
        if (p == null || p.isEmpty()) {
            return "path not specified";
        }
        if (!p.startsWith("/")) {
            return "path not absolute";
        }
        if (!GoStrings.clean(p).equals(p)) {
            return "path is not fully simplified";
        }
        return null;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (emptyAllowed && (value == null || value.isEmpty())) {
            return true;
        }
        String problem = problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
