package io.reelhub.delivery.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body (RFC 7578) whose file parts are streamed from disk as the request is
 * sent: only the part headers are held in memory, so a package of large files costs no heap. Its length is known
 * up front, so it goes out with a Content-Length rather than chunked, which more receivers accept.
 */
public final class MultipartBody {

    private static final String CRLF = "\r\n";

    private final String boundary = "reelhub-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    /** Adds a small in-memory part, e.g. the JSON metadata. */
    public MultipartBody addBytes(String name, byte[] content, String contentType) {
        parts.add(text(header(name, null, contentType)));
        parts.add(HttpRequest.BodyPublishers.ofByteArray(content));
        parts.add(text(CRLF));
        return this;
    }

    /** Adds a file part, read from disk only while the request is being sent. */
    public MultipartBody addFile(String name, Path file, String contentType) throws FileNotFoundException {
        parts.add(text(header(name, file.getFileName().toString(), contentType)));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(text(CRLF));
        return this;
    }

    /** The Content-Type header value, with the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--" + CRLF));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    private String header(String name, String fileName, String contentType) {
        return "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + quoted(name) + "\""
                + (fileName == null ? "" : "; filename=\"" + quoted(fileName) + "\"") + CRLF
                + "Content-Type: " + contentType + CRLF + CRLF;
    }

    /** Names come from the hub's own checked ids, but a quote or line break must never break the framing. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static HttpRequest.BodyPublisher text(String value) {
        return HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8);
    }
}
