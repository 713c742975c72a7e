package dev.coreos4j.ignition.internal.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ignition's {@code validatePath}: non-empty ({@code path not specified}), absolute ({@code path not absolute}) and
 * equal to its {@code path.Clean} form ({@code path is not fully simplified}). With {@link #emptyAllowed()}, null and
 * {@code ""} pass (an optional path).
 */
@Constraint(validatedBy = NodePathValidator.class)
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NodePath {
    boolean emptyAllowed() default false;

    String message() default "path not specified";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
