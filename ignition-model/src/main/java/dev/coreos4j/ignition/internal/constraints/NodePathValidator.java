package dev.coreos4j.ignition.internal.constraints;

import dev.coreos4j.ignition.internal.GoStrings;
import dev.coreos4j.ignition.internal.rules.Finding;
import dev.coreos4j.ignition.internal.rules.PathRule;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link NodePath} for a user's Bean Validation provider, reporting the specific Ignition message. */
public final class NodePathValidator implements ConstraintValidator<NodePath, String> {
    private boolean emptyAllowed;

    @Override
    public void initialize(NodePath annotation) {
        emptyAllowed = annotation.emptyAllowed();
    }

    /** The path rule {@code p} breaks (validatePath), or null when it is fine. */
    public static @Nullable Finding finding(@Nullable String p) {
        if (p == null || p.isEmpty()) {
            return Finding.of(PathRule.PATH_NOT_SPECIFIED);
        }
        if (!p.startsWith("/")) {
            return Finding.of(PathRule.PATH_NOT_ABSOLUTE);
        }
        if (!GoStrings.clean(p).equals(p)) {
            return Finding.of(PathRule.PATH_NOT_SIMPLIFIED);
        }
        return null;
    }

    @Override
    public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
        if (emptyAllowed && (value == null || value.isEmpty())) {
            return true;
        }
        Finding problem = finding(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.message()).addConstraintViolation();
        return false;
    }
}
