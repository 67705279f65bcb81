package io.reelhub.sandbox;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Reading JSON request bodies and writing JSON answers for the protocols other than OpenAI's. */
public final class WireJson {

    /** Nulls are written out, as the real services do. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private WireJson() {
    }

    /** The request body as a JSON object, or the protocol's error for a body that is not one. */
    public static JsonNode object(HttpServletRequest request, Function<String, WireError> refuse) {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.getInputStream());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw refuse.apply("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw refuse.apply("The request body could not be read: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw refuse.apply("The request body must be a JSON object.");
        }
        return body;
    }

    public static ResponseEntity<Object> answer(int status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A 200 whose body breaks off: what a client sees when a proxy cuts an answer. */
    public static ResponseEntity<Object> malformed() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("{\"status\": \"IN_PROG");
    }
}
