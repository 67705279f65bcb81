package io.reelhub.api;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi.json}: the API's OpenAPI 3.1 document. It is written by hand in YAML
 * ({@code openapi/reelhub-api.yaml}, easier to review than generated JSON) and read once at start-up, so a broken
 * document stops the hub instead of failing its first reader.
 */
@RestController
class OpenApiController {

    static final String DOCUMENT = "openapi/reelhub-api.yaml";

    private final JsonNode document;

    OpenApiController() throws IOException {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            this.document = new YAMLMapper().readTree(in);
        }
    }

    @GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode document() {
        return document;
    }
}
