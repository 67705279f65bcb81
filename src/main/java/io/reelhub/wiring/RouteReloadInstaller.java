package io.reelhub.wiring;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Swaps the route watcher Camel sets up for {@code camel.main.routes-reload-enabled=true} (the {@code dev} profile)
 * for {@link ValidatingRouteReloadStrategy}, keeping its folder, pattern and options, so every reload is
 * validated first.
 */
@Component
@ConditionalOnProperty(name = "camel.main.routes-reload-enabled", havingValue = "true")
class RouteReloadInstaller implements CamelContextConfiguration {

    private final ConfigurableEnvironment environment;
    private ValidatingRouteReloadStrategy installed;

    RouteReloadInstaller(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** The watcher in use, for tests and diagnostics; null before the context starts. */
    ValidatingRouteReloadStrategy installed() {
        return installed;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        RouteWatcherReloadStrategy camels = camel.hasService(RouteWatcherReloadStrategy.class);
        if (camels == null || camels instanceof ValidatingRouteReloadStrategy) {
            return;
        }
        ValidatingRouteReloadStrategy validating = new ValidatingRouteReloadStrategy(camels.getFolder(),
                camels.isRecursive(), environment);
        validating.setPattern(camels.getPattern());
        validating.setRemoveAllRoutes(camels.isRemoveAllRoutes());
        // Camel has already queued its watcher to start with the context, and removing a service does not take it
        // off that queue; without a folder it watches nothing.
        camels.setFolder(null);
        try {
            camel.removeService(camels);
        } catch (Exception e) {
            throw new IllegalStateException("cannot replace Camel's route watcher: " + e.getMessage(), e);
        }
        try {
            camel.addService(validating);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the validating route watcher: " + e.getMessage(), e);
        }
        installed = validating;
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }
}
