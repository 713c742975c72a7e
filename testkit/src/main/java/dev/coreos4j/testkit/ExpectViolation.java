package dev.coreos4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns a jqwik property around: it passes only if it <em>fails</em> with an {@link InvariantViolation} of one of the
 * named invariants (directly or as the cause of jqwik's own error, as when an {@code ActionChain} invariant breaks).
 * Name several when one defect can surface as either, e.g. {@code {"budget", "quorum"}}: a controller that
 * over-counts its budget breaks {@code quorum} when the pool it overruns is a control plane. Use it
 * to prove that your properties catch a known bug, for example a controller with a seeded defect; pin
 * {@code @Property(seed = ...)} so the outcome is the same on every run. The property fails when it passes, or when
 * it fails for any other reason (the original error is kept as the cause).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AddLifecycleHook(ExpectViolation.Hook.class)
public @interface ExpectViolation {

    /** The expected {@link InvariantViolation#invariant()} names (any one of them), such as {@code budget}. */
    String[] value();

    /** The hook behind {@link ExpectViolation}; public only because jqwik instantiates it. */
    final class Hook implements AroundPropertyHook {

        /** Called by jqwik. */
        public Hook() {}

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            java.util.List<String> names = java.util.List.of(context.findAnnotation(ExpectViolation.class)
                    .orElseThrow(() -> new IllegalStateException("@ExpectViolation missing"))
                    .value());
            String expected = String.join("] or [", names);
            PropertyExecutionResult result = property.execute();
            if (result.status() == PropertyExecutionResult.Status.SUCCESSFUL) {
                return result.mapToFailed(new AssertionError("expected the [" + expected + "] invariant to break,"
                        + " but the property held in " + result.countChecks() + " checks"));
            }
            Throwable t = result.throwable().orElse(null);
            InvariantViolation found = find(t);
            if (result.status() == PropertyExecutionResult.Status.FAILED
                    && found != null
                    && names.contains(found.invariant())) {
                context.reporter().publishValue("found as expected", String.valueOf(found.getMessage()));
                return result.mapToSuccessful();
            }
            return result.mapToFailed(new AssertionError(
                    "expected the [" + expected + "] invariant to break, but got "
                            + (t == null ? result.status() : t.toString()),
                    t));
        }

        @Override
        public int aroundPropertyProximity() {
            // close to the property, inside jqwik's own reporting hooks
            return 100;
        }

        static @Nullable InvariantViolation find(@Nullable Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof InvariantViolation) {
                    return (InvariantViolation) c;
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            return null;
        }
    }
}
