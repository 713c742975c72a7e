package dev.coreos4j.ignition.internal.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A string (when present) is at most {@link #max()} bytes long in UTF-8, as Go's {@code len(string)} counts. */
@Constraint(validatedBy = ByteLengthValidator.class)
@Target({ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ByteLength {
    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
