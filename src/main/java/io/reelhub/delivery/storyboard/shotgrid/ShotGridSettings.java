package io.reelhub.delivery.storyboard.shotgrid;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.reelhub.delivery.http.ConnectorParameters;
import io.reelhub.delivery.http.DestinationHttp;

/**
 * Where and as whom the {@code shotgrid-sink} kamelet creates Versions: the site, the API script's name and key
 * (the key from the environment), the project, how Shot codes are formed, the status a new Version gets, and the
 * time allowed for an API call and for the movie upload. Built from the exchange properties the kamelet sets
 * ({@value #PROPERTY_PREFIX}*).
 *
 * @param shotCodeFormat the Shot a Version links to, with {@code {brief}} and {@code {shot}} filled in
 * @param uploadTimeout  how long the movie upload may take, end to end: generous, but never unbounded
 */
public record ShotGridSettings(URI siteUrl, String scriptName, String scriptKey, long projectId, String shotCodeFormat,
                               String status, Duration timeout, Duration uploadTimeout) {

    public static final String PROPERTY_PREFIX = "ReelHubShotGrid";

    public ShotGridSettings {
        if (scriptName == null || scriptName.isBlank()) {
            throw new IllegalArgumentException("scriptName is required: the name of the ShotGrid API script");
        }
        if (scriptKey == null || scriptKey.isBlank()) {
            throw new IllegalArgumentException("scriptKey is required: the API script's key, from the environment,"
                    + " e.g. ${SHOTGRID_SCRIPT_KEY}");
        }
        if (projectId < 1) {
            throw new IllegalArgumentException("projectId is required: the ShotGrid Project's numeric id");
        }
        if (!shotCodeFormat.contains("{shot}")) {
            throw new IllegalArgumentException("shotCodeFormat must contain {shot}, was '" + shotCodeFormat + "'");
        }
    }

    static ShotGridSettings fromProperties(Map<String, Object> properties) {
        ConnectorParameters p = ConnectorParameters.of(PROPERTY_PREFIX, properties);
        String site = p.required("SiteUrl", "siteUrl");
        String project = p.required("ProjectId", "projectId");
        long projectId;
        try {
            projectId = Long.parseLong(project);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("projectId must be the ShotGrid Project's numeric id, was '"
                    + project + "'");
        }
        return new ShotGridSettings(DestinationHttp.httpUrl("siteUrl", site.endsWith("/")
                ? site.substring(0, site.length() - 1) : site), p.text("ScriptName"), p.text("ScriptKey"),
                projectId, p.text("ShotCodeFormat", "{brief}_{shot}"), p.text("Status", "rev"),
                p.seconds("TimeoutSeconds", "timeoutSeconds", 60),
                p.seconds("UploadTimeoutSeconds", "uploadTimeoutSeconds", 1800));
    }

    String shotCode(String briefId, String shotId) {
        return shotCodeFormat.replace("{brief}", briefId).replace("{shot}", shotId);
    }

    @Override
    public String toString() {
        // never the key
        return "ShotGridSettings[" + siteUrl + ", script " + scriptName + ", project " + projectId + "]";
    }
}
