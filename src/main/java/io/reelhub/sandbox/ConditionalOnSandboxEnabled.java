package io.reelhub.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Every sandbox bean carries this, so {@code reelhub.sandbox.enabled=false} removes the whole provider. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "reelhub.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnSandboxEnabled {
}
