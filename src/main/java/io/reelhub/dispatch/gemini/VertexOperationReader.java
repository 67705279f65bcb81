package io.reelhub.dispatch.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a Vertex operation whose finished videos come inline as {@code bytesBase64Encoded} (what Vertex answers
 * when no {@code storageUri} is given): megabytes of base64 inside the JSON. Polls read the operation without ever
 * holding those bytes (each is replaced by {@code true}); the download decodes the first video's bytes straight
 * from the network into the file, so neither needs the clip in memory.
 */
final class VertexOperationReader {

    static final String BYTES = "bytesBase64Encoded";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VertexOperationReader() {
    }

    /** The operation as a tree, every inline video replaced by {@code true}. */
    static JsonNode withoutVideoBytes(InputStream body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty body");
            }
            return value(parser, first);
        }
    }

    /**
     * Decodes the first inline video into {@code out}.
     *
     * @return the decoded byte count, or -1 when the answer holds no inline video
     */
    static long firstVideoTo(InputStream body, OutputStream out) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && BYTES.equals(parser.currentName())) {
                    if (parser.nextToken() != JsonToken.VALUE_STRING) {
                        throw new IOException(BYTES + " is not a string");
                    }
                    return parser.readBinaryValue(out);
                }
            }
            return -1;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken next = parser.nextToken();
                    if (BYTES.equals(name) && next == JsonToken.VALUE_STRING) {
                        // not reading the text lets the parser skip it without buffering it
                        object.put(name, true);
                    } else {
                        object.set(name, value(parser, next));
                    }
                }
                expect(token, JsonToken.END_OBJECT);
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new IOException("unexpected end of input in an array");
                    }
                    array.add(value(parser, token));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
