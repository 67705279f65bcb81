package io.reelhub.delivery.notice;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;

/**
 * What a webhook receives about one delivered clip: which brief, version and shot it answers, the clip's format,
 * what the job's other destinations received, and the lineage every output carries. The {@code id} is the same
 * for every attempt of one job's notice to one destination, so a receiver can drop a repeat.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"type", "id", "job_id", "project", "brief_id", "version", "shot", "stage", "title", "clip",
        "outputs", "lineage"})
public record DeliveryNotice(
        String type,
        String id,
        String jobId,
        String project,
        String briefId,
        String version,
        String shot,
        String stage,
        String title,
        Clip clip,
        List<String> outputs,
        Lineage lineage) {

    public static final String TYPE = "reelhub.clip.delivered";

    /** The clip's picture format; the file itself travels to file destinations, not in the notice. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Clip(String file, int width, int height, double durationSeconds, double fps) {
    }

    /** @param outputs what the job's other destinations already received */
    public static DeliveryNotice of(Delivery delivery, String destination, List<String> outputs) {
        return new DeliveryNotice(TYPE, id(delivery, destination), delivery.jobId(), delivery.project(),
                delivery.briefId(), Lineage.versionLabel(delivery.version()), delivery.shotId(), delivery.stage(),
                delivery.title(), new Clip(delivery.clip().getFileName().toString(), delivery.width(),
                delivery.height(), delivery.durationSeconds(), delivery.fps()),
                outputs == null ? List.of() : List.copyOf(outputs), Lineage.of(delivery));
    }

    /** Stable per job and destination: {@code <jobId>.<destination>}. */
    static String id(Delivery delivery, String destination) {
        return delivery.jobId() + "." + (destination == null || destination.isBlank() ? "webhook" : destination);
    }
}
