package io.reelhub.delivery.http;

import java.net.URI;
import java.time.Duration;

/**
 * A generic HTTP destination as an integrator configures it: the URL to send to, the token header, and how long a
 * request may take. Read from a kamelet's {@code url}, {@code token}, {@code authHeader}, {@code authScheme} and
 * {@code timeoutSeconds} parameters.
 */
public record HttpEndpoint(URI url, TokenHeader auth, Duration timeout) {

    public static HttpEndpoint from(ConnectorParameters parameters, long defaultTimeoutSeconds) {
        return new HttpEndpoint(DestinationHttp.httpUrl("url", parameters.text("Url")), TokenHeader.from(parameters),
                parameters.seconds("TimeoutSeconds", "timeoutSeconds", defaultTimeoutSeconds));
    }

    @Override
    public String toString() {
        // the URL's path and query may be the secret
        return "HttpEndpoint[" + DestinationHttp.origin(url) + ", " + auth + "]";
    }
}
