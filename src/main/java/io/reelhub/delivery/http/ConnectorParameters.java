package io.reelhub.delivery.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A kamelet's parameters as its template hands them to the connector's bean: exchange properties named
 * {@code <prefix><Name>} (e.g. {@code ReelHubBoordsApiKey}). Passing them as data rather than inside a method
 * expression means no value, however odd, can break the bean call; reading them here gives every connector the
 * same messages for a missing or malformed one.
 */
public final class ConnectorParameters {

    private final String prefix;
    private final Map<String, Object> properties;

    private ConnectorParameters(String prefix, Map<String, Object> properties) {
        this.prefix = prefix;
        this.properties = properties;
    }

    public static ConnectorParameters of(String prefix, Map<String, Object> properties) {
        return new ConnectorParameters(prefix, Objects.requireNonNull(properties));
    }

    /** The value, trimmed; null when absent or blank. */
    public String text(String name) {
        Object value = properties.get(prefix + name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    public String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    /**
     * @param property the kamelet property's own name, for the message (e.g. {@code apiKey})
     * @throws IllegalArgumentException when it is absent or blank
     */
    public String required(String name, String property) {
        String value = text(name);
        if (value == null) {
            throw new IllegalArgumentException(property + " is required");
        }
        return value;
    }

    public Duration seconds(String name, String property, long fallback) {
        String value = text(name);
        long seconds;
        try {
            seconds = value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number of seconds, was '" + value + "'");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException(property + " must be at least 1 second, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
