package io.reelhub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole hub on a random port with the real {@code routes/} and {@code connectors/}, the embedded sandbox
 * rendering at once, and timings short enough for tests. Each test class gives it its own {@code reelhub.home}
 * (see {@link TempHome}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reelhub.sandbox.render-time=0s",
        "reelhub.sandbox.poll-after=100ms",
        "reelhub.intake.folder.stable-window-ms=300",
        "reelhub.intake.folder.poll-interval-ms=200",
        "reelhub.dispatch.tick=100ms",
        "reelhub.dispatch.min-poll-interval=50ms",
        "reelhub.dispatch.retry-base=200ms",
        "reelhub.dispatch.retry-max=1s"})
public @interface HubTest {
}
