package io.reelhub.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The catalog file exactly as written, before any checks. Values stay as text where a bad value deserves a message
 * that names the model and field (sizes, status, price tiers) rather than a bare Jackson type error.
 */
record CatalogFile(
        @JsonProperty(value = "catalog", required = true) Integer catalog,
        @JsonProperty("updated") LocalDate updated,
        @JsonProperty("aliases") Map<String, String> aliases,
        @JsonProperty(value = "models", required = true) List<Model> models) {

    record Model(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("provider-model") String providerModel,
            @JsonProperty("status") String status,
            @JsonProperty("sunset") LocalDate sunset,
            @JsonProperty("replacement") String replacement,
            @JsonProperty("seconds") List<Integer> seconds,
            @JsonProperty("default-seconds") Integer defaultSeconds,
            @JsonProperty("sizes") List<String> sizes,
            @JsonProperty("seed") Boolean seed,
            @JsonProperty("negative-prompt") Boolean negativePrompt,
            @JsonProperty("audio") Boolean audio,
            @JsonProperty("price-per-second-usd") Map<String, BigDecimal> pricePerSecondUsd,
            @JsonProperty("providers") Map<String, String> providers) {
    }
}
