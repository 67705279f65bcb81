package io.reelhub.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a posted brief without ever holding more than {@code reelhub.brief.max-bytes + 1} bytes: a declared
 * Content-Length over the limit is refused before a byte is read, and a body sent without a length is read only
 * until it proves too large. The Content-Type decides between YAML and JSON; any other type is refused.
 */
@Component
class BriefBodyReader {

    /** The media types a brief may be posted as, and the format each one means. */
    static final Map<MediaType, String> ACCEPTED = Map.of(
            MediaType.parseMediaType("application/yaml"), "yaml",
            MediaType.parseMediaType("application/x-yaml"), "yaml",
            MediaType.parseMediaType("text/yaml"), "yaml",
            MediaType.APPLICATION_JSON, "json");
    static final List<String> ACCEPTED_NAMES = List.of("application/yaml", "application/x-yaml", "text/yaml",
            "application/json");

    private final long maxBytes;

    BriefBodyReader(@Value("${reelhub.brief.max-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    BriefBody read(HttpServletRequest request) throws IOException {
        String format = format(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge("the brief is " + declared + " bytes; the limit is " + maxBytes + " bytes", declared);
        }
        byte[] content;
        try (InputStream in = request.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (content.length > maxBytes) {
            throw tooLarge("the brief is more than " + maxBytes + " bytes (sent without a Content-Length); the"
                    + " limit is " + maxBytes + " bytes", null);
        }
        return BriefBody.of(content, format);
    }

    private String format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("the request has no Content-Type");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported("Content-Type '" + contentType + "' is not a media type");
        }
        return ACCEPTED.entrySet().stream()
                .filter(accepted -> accepted.getKey().equalsTypeAndSubtype(type))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> unsupported("Content-Type '" + type.getType() + "/" + type.getSubtype()
                        + "' is not accepted"));
    }

    private static ApiProblem unsupported(String why) {
        String accepted = String.join(", ", ACCEPTED_NAMES);
        return ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported brief format",
                        why + "; post the brief as one of: " + accepted)
                .with("accepted", ACCEPTED_NAMES)
                .header(HttpHeaders.ACCEPT, accepted);
    }

    private ApiProblem tooLarge(String detail, Long size) {
        ApiProblem problem = ApiProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "Brief too large", detail)
                .with("limit", maxBytes)
                .with("errors", List.of(Map.of("path", "", "message", detail)));
        return size == null ? problem : problem.with("size", size);
    }
}
