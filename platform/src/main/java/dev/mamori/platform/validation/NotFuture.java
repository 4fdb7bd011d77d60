package dev.mamori.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A moment that has happened: when something was captured, collected, signed or discovered. Allows
 * {@link NotFutureValidator#CLOCK_SKEW} of clock difference between the caller and us; a date (no time) may be
 * today in Japan, where the suite's business days are counted. {@code null} is left to {@code @NotNull}.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = NotFutureValidator.class)
public @interface NotFuture {
    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
