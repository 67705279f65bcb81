package io.reelhub.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The small string map a protocol keeps beside a provider job id ({@link ProviderJob#state()}), read and written as
 * JSON. Unknown or unreadable state reads as empty: the protocol then falls back to what the id alone can do.
 */
public final class ProviderState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;

    private ProviderState(Map<String, String> values) {
        this.values = values;
    }

    public static ProviderState empty() {
        return new ProviderState(Map.of());
    }

    public static ProviderState parse(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        try {
            return new ProviderState(Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() { })));
        } catch (JsonProcessingException | RuntimeException e) {
            return empty();
        }
    }

    public String get(String key) {
        return values.get(key);
    }

    public ProviderState with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new ProviderState(copy);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
