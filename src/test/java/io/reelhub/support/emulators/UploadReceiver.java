package io.reelhub.support.emulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * A local stand-in for the receivers of the generic HTTP connectors: a storyboard service taking a
 * {@code multipart/form-data} package, and a review tool taking an upload-by-URL request ({@code {name, url,
 * metadata}}, whose {@code url} it fetches, as such tools do). It checks a bearer token (401 otherwise), honours
 * {@code Idempotency-Key} (a repeated key replays the first answer and stores nothing new), and records each
 * stored upload with its parts or its JSON and the fetched bytes.
 */
public final class UploadReceiver extends ApiEmulator {

    /** One part of a multipart body. */
    public record Part(String name, String fileName, String contentType, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** One stored upload: its idempotency key, multipart parts or JSON body, and what was fetched from its url. */
    public record Stored(String key, List<Part> parts, JsonNode json, byte[] fetched) {

        public List<Part> parts(String name) {
            return parts.stream().filter(p -> p.name().equals(name)).toList();
        }
    }

    private final String token;
    private final Map<String, Answer> answered = new LinkedHashMap<>();
    private final List<Stored> stored = new ArrayList<>();
    private final HttpClient fetcher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private UploadReceiver(String token) {
        this.token = token;
    }

    /** A receiver accepting {@code Authorization: Bearer <token>}. */
    public static UploadReceiver start(String token) {
        return new UploadReceiver(token);
    }

    public synchronized List<Stored> stored() {
        return List.copyOf(stored);
    }

    @Override
    protected synchronized Answer handle(HttpExchange exchange, byte[] body) throws IOException {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, "invalid or missing token", this);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return error(405, "POST only", this);
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && answered.containsKey(key)) {
            return answered.get(key);
        }
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Stored upload;
        if (type.startsWith("multipart/form-data")) {
            List<Part> parts = parse(body, type.substring(type.indexOf("boundary=") + "boundary=".length()));
            if (parts.isEmpty()) {
                return error(422, "no parts in the multipart body", this);
            }
            upload = new Stored(key, parts, null, null);
        } else if (type.startsWith("application/json")) {
            JsonNode json = JSON.readTree(body);
            if (!json.path("name").isTextual() || !json.path("url").isTextual()) {
                return error(422, "name and url are required", this);
            }
            byte[] fetched = fetch(json.path("url").asText());
            if (fetched == null) {
                return error(422, "url could not be fetched", this);
            }
            upload = new Stored(key, List.of(), json, fetched);
        } else {
            return error(415, "unsupported content type " + type, this);
        }
        stored.add(upload);
        Answer answer = new Answer(201, Map.of("id", "asset-" + stored.size()));
        if (key != null) {
            answered.put(key, answer);
        }
        return loseThisAnswer(exchange) ? error(500, "Internal server error", this) : answer;
    }

    /** Splits a multipart body on its boundary (test payloads are small enough to hold). */
    private static List<Part> parse(byte[] body, String boundary) {
        String all = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int at = all.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (all.startsWith("--", start)) {
                break;
            }
            int next = all.indexOf("\r\n" + delimiter, start);
            if (next < 0) {
                break;
            }
            String part = all.substring(start + 2, next);
            int blank = part.indexOf("\r\n\r\n");
            String headers = part.substring(0, blank);
            byte[] content = part.substring(blank + 4).getBytes(StandardCharsets.ISO_8859_1);
            parts.add(new Part(attribute(headers, "name"), attribute(headers, "filename"), header(headers,
                    "Content-Type"), content));
            at = next + 2;
        }
        return parts;
    }

    private static String attribute(String headers, String name) {
        int at = headers.indexOf("; " + name + "=\"");
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 4;
        return headers.substring(start, headers.indexOf('"', start));
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> response = fetcher.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    protected Object errorBody(int status, String detail) {
        return Map.of("error", Map.of("status", status, "message", detail));
    }
}
