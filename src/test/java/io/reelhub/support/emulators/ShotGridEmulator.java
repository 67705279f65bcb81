package io.reelhub.support.emulators;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A local stand-in for the ShotGrid (Flow Production Tracking) REST API v1, the parts the hub uses, as documented:
 * script authentication ({@code POST /api/v1/auth/access_token}, client credentials; bad ones get 400 "Can't
 * authenticate script"), bearer tokens (401 without a valid one), {@code _search} with the array filter syntax,
 * entity creation ({@code Shot}, {@code Version}; 422 for invalid fields), and the three-step upload to a file
 * field: {@code GET .../<field>/_upload?filename=} grants an upload URL on the site's own storage, {@code PUT}
 * stores the bytes, {@code POST} to {@code complete_upload} links them to the field as an Attachment. Errors use
 * the API's {@code errors} array. It records the entities and the bytes of every linked upload.
 */
public final class ShotGridEmulator extends ApiEmulator {

    /** An entity as stored: its type, id and fields (links as {type, id} maps). */
    public record Entity(String type, long id, Map<String, Object> fields) {

        public Object field(String name) {
            return fields.get(name);
        }
    }

    /** A file linked to a field. */
    public record Upload(String entityType, long entityId, String field, String fileName, String displayName,
                         byte[] bytes) {
    }

    private record PendingUpload(String entityPath, long entityId, String field, String fileName, byte[] bytes) {
    }

    private static final String FILTER_ARRAY = "application/vnd+shotgun.api3_array+json";
    private static final Pattern ENTITY = Pattern.compile("/api/v1/entity/(versions|shots)");
    private static final Pattern SEARCH = Pattern.compile("/api/v1/entity/(versions|shots)/_search");
    private static final Pattern UPLOAD = Pattern.compile("/api/v1/entity/(versions|shots)/(\\d+)/(\\w+)/_upload");
    private static final Pattern STORE = Pattern.compile("/file_serve/upload/([0-9a-f-]+)");

    private final String scriptName;
    private final String scriptKey;
    private final long projectId;
    private final Map<String, Map<Long, Entity>> entities = Map.of("versions", new LinkedHashMap<>(),
            "shots", new LinkedHashMap<>());
    private final Map<String, PendingUpload> pending = new LinkedHashMap<>();
    private final List<Upload> linked = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(6000);

    private ShotGridEmulator(String scriptName, String scriptKey, long projectId) {
        this.scriptName = scriptName;
        this.scriptKey = scriptKey;
        this.projectId = projectId;
    }

    /** A site with one project and one API script. */
    public static ShotGridEmulator start(String scriptName, String scriptKey, long projectId) {
        return new ShotGridEmulator(scriptName, scriptKey, projectId);
    }

    public synchronized List<Entity> versions() {
        return List.copyOf(entities.get("versions").values());
    }

    public synchronized List<Entity> shots() {
        return List.copyOf(entities.get("shots").values());
    }

    /** Files linked to fields by a completed upload. */
    public synchronized List<Upload> uploads() {
        return List.copyOf(linked);
    }

    /** Forgets the access tokens issued, as a site does when they expire. */
    public synchronized void expireTokens() {
        tokens.clear();
    }

    @Override
    protected synchronized Answer handle(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v1/auth/access_token") && method.equals("POST")) {
            return authenticate(text(body));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !tokens.contains(authorization.substring("Bearer ".length()))) {
            return error(401, "Unauthorized: a valid access token is required", this);
        }
        Matcher search = SEARCH.matcher(path);
        Matcher entity = ENTITY.matcher(path);
        Matcher upload = UPLOAD.matcher(path);
        Matcher store = STORE.matcher(path);
        if (search.matches() && method.equals("POST")) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith(FILTER_ARRAY)) {
                return error(400, "Content-Type must be " + FILTER_ARRAY + " for array filters", this);
            }
            return search(search.group(1), JSON.readTree(body).path("filters"));
        }
        if (entity.matches() && method.equals("POST")) {
            return create(exchange, entity.group(1), JSON.readTree(body));
        }
        if (upload.matches() && method.equals("GET")) {
            return grantUpload(upload.group(1), Long.parseLong(upload.group(2)), upload.group(3),
                    query(exchange, "filename"));
        }
        if (upload.matches() && method.equals("POST")) {
            return completeUpload(exchange, upload.group(1), Long.parseLong(upload.group(2)), upload.group(3),
                    JSON.readTree(body));
        }
        if (store.matches() && method.equals("PUT")) {
            PendingUpload grant = pending.get(store.group(1));
            if (grant == null || query(exchange, "signature") == null) {
                return error(403, "The upload URL is not valid", this);
            }
            pending.put(store.group(1), new PendingUpload(grant.entityPath(), grant.entityId(), grant.field(),
                    grant.fileName(), body));
            return new Answer(200, Map.of("data", Map.of("upload_id", store.group(1), "original_filename",
                    grant.fileName()), "links", Map.of("complete_upload", completePath(grant))));
        }
        return error(404, "No route " + method + " " + path, this);
    }

    private Answer authenticate(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        if (!"client_credentials".equals(fields.get("grant_type")) || !scriptName.equals(fields.get("client_id"))
                || !scriptKey.equals(fields.get("client_secret"))) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("id", UUID.randomUUID().toString());
            error.put("status", 400);
            error.put("code", 102);
            error.put("title", "Can't authenticate script '" + fields.get("client_id") + "'");
            error.put("detail", null);
            error.put("source", Map.of());
            error.put("meta", null);
            return new Answer(400, Map.of("errors", List.of(error)));
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        return new Answer(200, Map.of("token_type", "Bearer", "access_token", token, "expires_in", 600,
                "refresh_token", UUID.randomUUID().toString()));
    }

    private Answer search(String entityPath, JsonNode filters) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Entity candidate : entities.get(entityPath).values()) {
            boolean matches = true;
            for (JsonNode filter : filters) {
                String field = filter.path(0).asText();
                if (!"is".equals(filter.path(1).asText())) {
                    return error(400, "only the 'is' operator is emulated", this);
                }
                JsonNode value = filter.path(2);
                Object actual = candidate.field(field);
                matches &= value.isObject() ? actual instanceof Map<?, ?> link
                        && value.path("id").asLong() == ((Number) link.get("id")).longValue()
                        : value.asText().equals(String.valueOf(actual));
            }
            if (matches) {
                found.add(record(entityPath, candidate));
            }
        }
        return new Answer(200, Map.of("data", found, "links", Map.of("self", "/api/v1/entity/" + entityPath)));
    }

    private Answer create(HttpExchange exchange, String entityPath, JsonNode body) {
        if (body.path("project").path("id").asLong() != projectId) {
            return error(422, "project must be the Project with id " + projectId, this);
        }
        if (body.path("code").asText("").isBlank()) {
            return error(422, "code can't be empty", this);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> fields.put(field.getKey(), JSON.convertValue(field.getValue(),
                Object.class)));
        if (entityPath.equals("versions")) {
            JsonNode link = body.path("entity");
            if (!link.isMissingNode() && !entities.get("shots").containsKey(link.path("id").asLong())) {
                return error(422, "entity must be an existing Shot", this);
            }
            fields.put("sg_uploaded_movie", null);
        }
        Entity created = new Entity(entityPath.equals("versions") ? "Version" : "Shot", nextId.getAndIncrement(),
                fields);
        entities.get(entityPath).put(created.id(), created);
        if (loseThisAnswer(exchange)) {
            return error(500, "Internal server error", this);
        }
        return new Answer(201, Map.of("data", record(entityPath, created)));
    }

    private Answer grantUpload(String entityPath, long id, String field, String fileName) {
        if (!entities.get(entityPath).containsKey(id)) {
            return error(404, "Record not found", this);
        }
        if (fileName == null || fileName.isBlank()) {
            return error(400, "filename is required", this);
        }
        String uploadId = UUID.randomUUID().toString();
        PendingUpload grant = new PendingUpload(entityPath, id, field, fileName, null);
        pending.put(uploadId, grant);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("timestamp", java.time.Instant.now().toString());
        data.put("upload_type", "Attachment");
        data.put("upload_id", null);
        data.put("storage_service", "sg");
        data.put("original_filename", fileName);
        data.put("multipart_upload", false);
        return new Answer(200, Map.of("data", data, "links", Map.of(
                "upload", baseUrl() + "/file_serve/upload/" + uploadId + "?expiration=600&signature=s1g",
                "complete_upload", completePath(grant))));
    }

    private Answer completeUpload(HttpExchange exchange, String entityPath, long id, String field,
                                  JsonNode body) {
        String uploadId = body.path("upload_info").path("upload_id").asText("");
        PendingUpload upload = pending.get(uploadId);
        if (upload == null || upload.bytes() == null || upload.entityId() != id || !upload.field().equals(field)) {
            return error(400, "upload_info does not name a finished upload to this field", this);
        }
        pending.remove(uploadId);
        String displayName = body.path("upload_data").path("display_name").asText(upload.fileName());
        linked.add(new Upload(entityPath, id, field, upload.fileName(), displayName, upload.bytes()));
        Entity entity = entities.get(entityPath).get(id);
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("type", "Attachment");
        attachment.put("id", nextId.getAndIncrement());
        attachment.put("name", displayName);
        attachment.put("content_type", "video/mp4");
        attachment.put("link_type", "upload");
        attachment.put("url", baseUrl() + "/file_serve/attachment/" + attachment.get("id"));
        entity.fields().put(field, attachment);
        if (loseThisAnswer(exchange)) {
            return error(500, "Internal server error", this);
        }
        return new Answer(201, null);
    }

    private Map<String, Object> record(String entityPath, Entity entity) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, Object> relationships = new LinkedHashMap<>();
        entity.fields().forEach((name, value) -> {
            if (value instanceof Map<?, ?> link && link.containsKey("type") && link.containsKey("id")
                    && !"Attachment".equals(link.get("type"))) {
                relationships.put(name, Map.of("data", link));
            } else {
                attributes.put(name, value);
            }
        });
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", entity.type());
        record.put("id", entity.id());
        record.put("attributes", attributes);
        record.put("relationships", relationships);
        record.put("links", Map.of("self", "/api/v1/entity/" + entityPath + "/" + entity.id()));
        return record;
    }

    private static String completePath(PendingUpload grant) {
        return "/api/v1/entity/" + grant.entityPath() + "/" + grant.entityId() + "/" + grant.field() + "/_upload";
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return decode(pair.substring(name.length() + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    protected Object errorBody(int status, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("id", UUID.randomUUID().toString());
        error.put("status", status);
        error.put("code", status == 401 ? 102 : status >= 500 ? 100 : 103);
        error.put("title", detail);
        error.put("detail", null);
        error.put("source", Map.of());
        error.put("meta", null);
        return Map.of("errors", List.of(error));
    }
}
