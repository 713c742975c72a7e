package dev.coreos4j.ignition.internal.constraints;

import dev.coreos4j.ignition.internal.GoStrings;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ByteLength}. */
public final class ByteLengthValidator implements ConstraintValidator<ByteLength, String> {
    private int max;

    @Override
    public void initialize(ByteLength annotation) {
        max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || GoStrings.byteLength(value) <= max;
    }
}
