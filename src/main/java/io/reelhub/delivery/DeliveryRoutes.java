package io.reelhub.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.springframework.stereotype.Component;

/**
 * The hand-over from the engine to the wiring in {@code routes/}: each destination has a route consuming
 * {@code direct:deliver-to-<destination>} (see {@link DestinationRoutes}) that hands the {@link Delivery} to the
 * destination's kamelet. Kamelets report what they wrote in the {@value #OUTPUTS_HEADER} header; notice kamelets
 * (webhook, Slack) read what the job's other destinations already received from {@value #DELIVERED_HEADER}.
 */
@Component
public class DeliveryRoutes {

    public static final String OUTPUTS_HEADER = "ReelHubOutputs";
    public static final String DESTINATION_HEADER = "ReelHubDestination";
    public static final String DELIVERED_HEADER = "ReelHubDeliveredOutputs";

    private final ProducerTemplate producer;

    public DeliveryRoutes(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * Delivers to one destination and returns what it wrote; throws what the route failed with.
     *
     * @param deliveredElsewhere outputs the job's other destinations already received
     */
    public List<String> deliver(Delivery delivery, String destination, List<String> deliveredElsewhere) {
        Exchange result = producer.send(DestinationRoutes.endpointUri(destination), exchange -> {
            exchange.getMessage().setBody(delivery);
            exchange.getMessage().setHeader(DESTINATION_HEADER, destination);
            exchange.getMessage().setHeader(DELIVERED_HEADER, List.copyOf(deliveredElsewhere));
        });
        Exception failure = result.getException();
        if (failure instanceof DirectConsumerNotAvailableException) {
            throw new IllegalStateException("no route delivers to '" + destination + "' (nothing consumes "
                    + DestinationRoutes.endpointUri(destination) + "; is it still in the stage table?)", failure);
        }
        if (failure != null) {
            throw new IllegalStateException(reason(failure), failure);
        }
        List<String> outputs = new ArrayList<>();
        Object header = result.getMessage().getHeader(OUTPUTS_HEADER);
        if (header instanceof Collection<?> written) {
            written.forEach(item -> outputs.add(String.valueOf(item)));
        }
        return outputs;
    }

    /**
     * What went wrong in the connector's own words: Camel wraps a bean's exception in its own ("Failed to invoke
     * method: deliver(${body}, ...) on folderWriter due to: ..."), which says more about Camel than about the fault.
     */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        String message = failure.getMessage();
        for (Throwable cause = failure.getCause(); cause != null && cause != innermost; cause = cause.getCause()) {
            innermost = cause;
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : innermost.toString();
    }
}
