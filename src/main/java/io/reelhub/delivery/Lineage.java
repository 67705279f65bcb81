package io.reelhub.delivery;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * What every delivered output carries about its origin, whatever the destination: which brief and version it
 * answers, which model and provider job rendered it, with which seed, prompt and cost, and the AI-generated flag.
 * Serialised in snake_case, the convention of the hub's brief and sidecar files.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"job_id", "brief_id", "version", "version_label", "model", "provider", "provider_job_id", "seed",
        "prompt", "cost_estimate_usd", "sandbox", "ai_generated", "digital_source_type"})
public record Lineage(
        String jobId,
        String briefId,
        int version,
        String model,
        String provider,
        String providerJobId,
        Long seed,
        String prompt,
        BigDecimal costEstimateUsd,
        boolean sandbox) {

    /** IPTC digital source type for media created by a trained model; C2PA and Meta's "AI info" label read it. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    public static Lineage of(Delivery delivery) {
        return new Lineage(delivery.jobId(), delivery.briefId(), delivery.version(), delivery.model(),
                delivery.provider(), delivery.providerJobId(), delivery.seed(), delivery.prompt(),
                delivery.costEstimateUsd(), delivery.sandbox());
    }

    /** The label users see for a version: 1 is {@code v001}. */
    public static String versionLabel(int version) {
        return "v%03d".formatted(version);
    }

    @JsonProperty
    public String versionLabel() {
        return versionLabel(version);
    }

    /** Always true: the hub only ever delivers generated footage, and says so in every output. */
    @JsonProperty
    public boolean aiGenerated() {
        return true;
    }

    @JsonProperty
    public String digitalSourceType() {
        return TRAINED_ALGORITHMIC_MEDIA;
    }
}
