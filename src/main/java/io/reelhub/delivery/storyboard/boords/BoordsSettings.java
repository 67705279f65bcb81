package io.reelhub.delivery.storyboard.boords;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.reelhub.delivery.http.ConnectorParameters;
import io.reelhub.delivery.http.DestinationHttp;

/**
 * Where and how the {@code boords-sink} kamelet publishes: the API's base URL, the API key (from the environment),
 * the Boords project the storyboards go into, how frame images travel and how long a call may take. Built from the
 * exchange properties the kamelet sets ({@value #PROPERTY_PREFIX}*).
 *
 * @param client the {@code X-API-CLIENT} header, naming the integration in Boords' activity log
 */
public record BoordsSettings(URI baseUrl, String apiKey, String client, String projectId, ImageUpload imageUpload,
                             Duration timeout) {

    public static final String PROPERTY_PREFIX = "ReelHubBoords";

    /** How a frame's image reaches Boords. */
    public enum ImageUpload {
        /** The PNG travels inside the request, base64-encoded: works wherever the hub can reach Boords. */
        BASE64,
        /** Boords fetches the PNG from the hub's output URL: needs {@code reelhub.public-url} reachable from Boords. */
        URL;

        static ImageUpload parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("imageUpload must be base64 or url, was '" + value + "'");
            }
        }
    }

    public BoordsSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required: a Boords API token (bap_...) from the"
                    + " environment, e.g. ${BOORDS_API_KEY}");
        }
        if (projectId == null || projectId.isBlank() || !projectId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("projectId is required: the Boords project's identifier (like"
                    + " p4k9az)");
        }
    }

    static BoordsSettings fromProperties(Map<String, Object> properties) {
        ConnectorParameters p = ConnectorParameters.of(PROPERTY_PREFIX, properties);
        String base = p.text("BaseUrl", "https://app.boords.com/v1");
        return new BoordsSettings(DestinationHttp.httpUrl("baseUrl", base.endsWith("/")
                ? base.substring(0, base.length() - 1) : base), p.text("ApiKey"), p.text("ApiClient", "reelhub"),
                p.text("ProjectId"), ImageUpload.parse(p.text("ImageUpload", "base64")),
                p.seconds("TimeoutSeconds", "timeoutSeconds", 60));
    }

    @Override
    public String toString() {
        // never the key
        return "BoordsSettings[" + baseUrl + ", project " + projectId + ", " + imageUpload + "]";
    }
}
