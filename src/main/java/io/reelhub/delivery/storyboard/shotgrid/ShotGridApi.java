package io.reelhub.delivery.storyboard.shotgrid;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.delivery.http.DestinationCallException;
import io.reelhub.delivery.http.DestinationHttp;

/**
 * The calls the hub makes to the ShotGrid (Flow Production Tracking) REST API v1: search and create entities under
 * {@code /api/v1/entity/<entity type, plural>}, and upload a file to a field in the three documented steps (ask for
 * an upload URL, PUT the file to it, then complete the upload so the file is linked to the field). Every request
 * carries a bearer token from {@link ShotGridTokens}; one refused with 401 is sent once more with a fresh token.
 */
final class ShotGridApi {

    /** The filter syntax of {@code _search}: an array of {@code [field, operator, value]} conditions. */
    static final String FILTER_ARRAY = "application/vnd+shotgun.api3_array+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DestinationHttp http;
    private final ShotGridTokens tokens;
    private final ShotGridSettings settings;
    private final String destination;

    ShotGridApi(DestinationHttp http, ShotGridTokens tokens, ShotGridSettings settings, String destination) {
        this.http = http;
        this.tokens = tokens;
        this.settings = settings;
        this.destination = destination;
    }

    /** The project's entity with this {@code code}, with the listed fields, if there is one. */
    Optional<JsonNode> findByCode(String entityPath, String code, String fields) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("filters")
                .add(JSON.createArrayNode().add("project").add("is").add(project()))
                .add(JSON.createArrayNode().add("code").add("is").add(code));
        URI uri = api("/entity/" + entityPath + "/_search?fields=" + URLEncoder.encode(fields,
                StandardCharsets.UTF_8) + "&page%5Bsize%5D=2");
        JsonNode answer = json(call(token -> request(uri, token).header("Content-Type", FILTER_ARRAY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()), uri);
        JsonNode found = answer.path("data");
        return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Creates an entity in the project; returns its record ({@code data}). */
    JsonNode create(String entityPath, Map<String, Object> fields) {
        ObjectNode body = JSON.valueToTree(fields);
        body.set("project", project());
        URI uri = api("/entity/" + entityPath);
        JsonNode answer = json(call(token -> request(uri, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()), uri);
        if (!answer.path("data").path("id").canConvertToLong()) {
            throw new DestinationCallException(destination + ": ShotGrid created a " + entityPath
                    + " but its answer has no data.id", 0);
        }
        return answer.path("data");
    }

    /**
     * Uploads {@code file} to the entity's file field and links it: the file is streamed from disk within
     * {@link ShotGridSettings#uploadTimeout()}, never read into memory.
     */
    void upload(String entityPath, long id, String field, Path file, String displayName) throws IOException {
        String fileName = file.getFileName().toString();
        URI start = api("/entity/" + entityPath + "/" + id + "/" + field + "/_upload?filename="
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8));
        JsonNode grant = json(call(token -> request(start, token).GET().build()), start);
        ObjectNode uploadInfo = grant.path("data") instanceof ObjectNode info ? info.deepCopy()
                : JSON.createObjectNode();
        String uploadUrl = grant.path("links").path("upload").asText("");
        String completeUrl = grant.path("links").path("complete_upload").asText("");
        if (uploadUrl.isEmpty() || completeUrl.isEmpty()) {
            throw new DestinationCallException(destination + ": " + DestinationHttp.withoutQuery(start)
                    + " gave no upload and complete_upload links", 0);
        }
        URI target = settings.siteUrl().resolve(uploadUrl);
        // The site's own storage wants the bearer token; a pre-signed S3 URL carries its own and refuses a second.
        boolean onSite = target.getHost() != null && target.getHost().equalsIgnoreCase(settings.siteUrl().getHost());
        String token = tokens.token(settings, destination);
        HttpRequest.Builder put = HttpRequest.newBuilder(target)
                .timeout(settings.uploadTimeout())
                .header("Content-Type", contentType(fileName))
                .header("Accept", "application/json")
                .PUT(body(file));
        if (onSite) {
            put.header("Authorization", "Bearer " + token);
        }
        byte[] stored = http.expectSuccess(destination, put.build());
        if (onSite && stored.length > 0) {
            JsonNode answer = json(stored, target);
            answer.path("data").fields().forEachRemaining(entry -> uploadInfo.set(entry.getKey(), entry.getValue()));
        }
        ObjectNode completion = JSON.createObjectNode();
        completion.set("upload_info", uploadInfo);
        completion.putObject("upload_data").put("display_name", displayName);
        URI complete = settings.siteUrl().resolve(completeUrl);
        call(fresh -> request(complete, fresh).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(completion.toString(), StandardCharsets.UTF_8)).build());
    }

    /** The web page of an entity, for people reading the receipt. */
    URI detailPage(String entityType, long id) {
        return URI.create(settings.siteUrl() + "/detail/" + entityType + "/" + id);
    }

    ObjectNode project() {
        return JSON.createObjectNode().put("type", "Project").put("id", settings.projectId());
    }

    /** Sends with the current token; a 401 (an expired or revoked token) is retried once with a fresh one. */
    private byte[] call(Function<String, HttpRequest> request) {
        HttpRequest first = request.apply(tokens.token(settings, destination));
        HttpResponse<byte[]> response = http.send(destination, first);
        if (response.statusCode() == 401) {
            tokens.forget(settings);
            HttpRequest second = request.apply(tokens.token(settings, destination));
            response = http.send(destination, second);
            first = second;
        }
        if (response.statusCode() / 100 != 2) {
            if (response.statusCode() == 401) {
                tokens.forget(settings);
            }
            throw http.refused(destination, first, response);
        }
        return response.body();
    }

    private HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private URI api(String path) {
        return URI.create(settings.siteUrl() + "/api/v1" + path);
    }

    private JsonNode json(byte[] body, URI from) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new DestinationCallException(destination + ": " + DestinationHttp.withoutQuery(from)
                    + " answered something that is not JSON", 0);
        }
    }

    private static HttpRequest.BodyPublisher body(Path file) throws FileNotFoundException {
        return HttpRequest.BodyPublishers.ofFile(file);
    }

    private static String contentType(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, String> type : List.of(Map.entry(".mp4", "video/mp4"), Map.entry(".mov",
                "video/quicktime"), Map.entry(".png", "image/png"), Map.entry(".pdf", "application/pdf"))) {
            if (lower.endsWith(type.getKey())) {
                return type.getValue();
            }
        }
        return "application/octet-stream";
    }
}
