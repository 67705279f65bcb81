package io.reelhub.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.springframework.stereotype.Component;

import io.reelhub.wiring.Wiring;

/**
 * Gives every destination of the stage table its route, made from the template {@value #TEMPLATE} in
 * {@code routes/} (route id {@code deliver-to-<destination>}), unless an integrator wrote that destination's route
 * by hand. Each destination's settings ({@code reelhub.destinations.X.*}) become the properties of its kamelet
 * {@code X-sink}, handed to Camel's kamelet component rather than written into endpoint URIs, so that secrets
 * stay out of URIs, logs and JMX.
 */
@Component
public class DestinationRoutes extends RouteBuilder {

    public static final String TEMPLATE = Wiring.DESTINATION_TEMPLATE;

    private final Wiring wiring;

    public DestinationRoutes(Wiring wiring) {
        this.wiring = wiring;
    }

    public static String routeId(String destination) {
        return Wiring.DESTINATION_ENDPOINT_PREFIX + destination;
    }

    public static String endpointUri(String destination) {
        return "direct:" + routeId(destination);
    }

    @Override
    public void configure() {
        giveKameletsTheirSettings(getContext(), wiring);
        for (String destination : wiring.templatedDestinations()) {
            templatedRoute(TEMPLATE).routeId(routeId(destination)).parameter("destination", destination);
        }
    }

    /** Also used after a reload, which re-creates the templated routes. */
    static void giveKameletsTheirSettings(CamelContext camel, Wiring wiring) {
        KameletComponent kamelets = camel.getComponent("kamelet", KameletComponent.class);
        Map<String, Properties> byKamelet = kamelets.getTemplateProperties() == null
                ? new HashMap<>() : new HashMap<>(kamelets.getTemplateProperties());
        for (String destination : wiring.destinations()) {
            Map<String, String> options = wiring.kameletOptions(destination);
            if (!options.isEmpty()) {
                Properties properties = new Properties();
                properties.putAll(options);
                byKamelet.put(Wiring.kameletOf(destination), properties);
            }
        }
        kamelets.setTemplateProperties(byKamelet);
    }
}
