package io.reelhub.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The hand-over from the engine to the wiring in {@code routes/}: each stage has a route {@code deliver-<stage>}
 * (consuming {@code direct:deliver-<stage>}) that sends the {@link Delivery} to that stage's connectors. Connectors
 * report the files they wrote in the {@value #OUTPUTS_HEADER} header.
 */
@Component
public class DeliveryRoutes {

    public static final String OUTPUTS_HEADER = "ReelHubOutputs";

    private final CamelContext camel;
    private final ProducerTemplate producer;

    public DeliveryRoutes(CamelContext camel, ProducerTemplate producer) {
        this.camel = camel;
        this.producer = producer;
    }

    public static String routeId(String stage) {
        return "deliver-" + stage;
    }

    /** Whether {@code routes/} wires this stage to any destination. */
    public boolean isWired(String stage) {
        return camel.getRoute(routeId(stage)) != null;
    }

    /** Delivers and returns what the destinations wrote; throws what the route failed with. */
    public List<String> deliver(Delivery delivery) {
        if (!isWired(delivery.stage())) {
            throw new IllegalStateException("no delivery route for stage '" + delivery.stage() + "' (expected a"
                    + " route with id " + routeId(delivery.stage()) + " in routes/)");
        }
        Exchange result = producer.send("direct:" + routeId(delivery.stage()),
                exchange -> exchange.getMessage().setBody(delivery));
        if (result.getException() != null) {
            Exception cause = result.getException();
            throw new IllegalStateException(cause.getMessage() == null ? cause.toString() : cause.getMessage(),
                    cause);
        }
        List<String> outputs = new ArrayList<>();
        Object header = result.getMessage().getHeader(OUTPUTS_HEADER);
        if (header instanceof Collection<?> written) {
            written.forEach(item -> outputs.add(String.valueOf(item)));
        }
        return outputs;
    }
}
