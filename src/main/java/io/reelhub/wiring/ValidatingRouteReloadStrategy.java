package io.reelhub.wiring;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Route;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Camel's route reload ({@code camel.main.routes-reload-*}) with the wiring check in front of it: an edit in
 * {@code routes/} is loaded only when the whole wiring, with the edited file as it now is, passes the same
 * validation as start-up. A broken edit is refused with the report and the routes that were running keep running.
 *
 * <p>Routes made from the destination template are re-made when the template's file changes, because Camel keeps
 * running routes made from an old template.
 */
class ValidatingRouteReloadStrategy extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatingRouteReloadStrategy.class);

    private final ConfigurableEnvironment environment;
    private volatile WiringReport lastRefused;

    ValidatingRouteReloadStrategy(String directory, boolean recursive, ConfigurableEnvironment environment) {
        super(directory, recursive);
        this.environment = environment;
    }

    /** The report of the last edit that was refused, or null when the last reload went through. */
    WiringReport lastRefused() {
        return lastRefused;
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        Wiring wiring = WiringLoader.load(environment);
        WiringReport report = WiringValidator.validate(wiring);
        if (!report.ok()) {
            lastRefused = report;
            LOG.error("Route reload refused; the routes that were running keep running.\n{}", report.toText());
            return;
        }
        boolean templateChanged = definesDestinationTemplate(wiring, resources);
        if (templateChanged) {
            // otherwise Camel would keep the old template beside the new one and go on using the old
            try {
                getCamelContext().removeRouteTemplates(Wiring.DESTINATION_TEMPLATE);
            } catch (Exception e) {
                throw new IllegalStateException("cannot replace the template " + Wiring.DESTINATION_TEMPLATE, e);
            }
        }
        removeTemplatedRoutesNowHandWritten(wiring);
        super.onRouteReload(resources, removeEverything);
        if (templateChanged) {
            remakeTemplatedRoutes(wiring);
        }
        lastRefused = null;
    }

    private static boolean definesDestinationTemplate(Wiring wiring, Collection<Resource> resources) {
        if (resources == null) {
            return true;
        }
        Set<Path> changed = new HashSet<>();
        for (Resource resource : resources) {
            changed.add(Paths.get(resource.getURI()).toAbsolutePath().normalize());
        }
        return wiring.routeFiles().stream()
                .filter(file -> changed.contains(file.path().toAbsolutePath().normalize()))
                .anyMatch(file -> file.documents().stream().flatMap(doc -> YamlFile.items(doc).stream())
                        .anyMatch(item -> YamlFile.path(item, "routeTemplate", "id").map(YamlFile::text)
                                .filter(Wiring.DESTINATION_TEMPLATE::equals).isPresent()));
    }

    /** A destination given a hand-written route replaces its templated one (both would consume the same endpoint). */
    private void removeTemplatedRoutesNowHandWritten(Wiring wiring) {
        for (String destination : wiring.handWrittenDestinations()) {
            String id = Wiring.DESTINATION_ENDPOINT_PREFIX + destination;
            Route route = getCamelContext().getRoute(id);
            if (route != null && route.isCreatedByRouteTemplate()) {
                remove(id);
            }
        }
    }

    private void remakeTemplatedRoutes(Wiring wiring) {
        Set<String> remade = new TreeSet<>();
        for (String destination : wiring.templatedDestinations()) {
            String id = Wiring.DESTINATION_ENDPOINT_PREFIX + destination;
            remove(id);
            try {
                getCamelContext().addRouteFromTemplate(id, Wiring.DESTINATION_TEMPLATE,
                        Map.of("destination", destination));
                remade.add(id);
            } catch (Exception e) {
                throw new IllegalStateException("cannot re-make route " + id + " from the edited template: "
                        + e.getMessage(), e);
            }
        }
        LOG.info("Re-made {} from the edited template {}", List.copyOf(remade), Wiring.DESTINATION_TEMPLATE);
    }

    private void remove(String routeId) {
        try {
            getCamelContext().getRouteController().stopRoute(routeId);
            getCamelContext().removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot remove route " + routeId + ": " + e.getMessage(), e);
        }
    }
}
