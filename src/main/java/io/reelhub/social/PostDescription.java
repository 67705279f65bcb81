package io.reelhub.social;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.reelhub.delivery.Lineage;

/**
 * A post described as data, for the receivers that post it themselves: the {@code social-webhook} destination
 * sends it, the {@code social-outbox} destination writes it beside the renditions, and the review package shows it
 * as {@code post.json}. Snake case like the hub's other notices, except the AI-disclosure flags, which keep the
 * names the platform APIs give them ({@code isAiGenerated}: TikTok and Instagram via Buffer;
 * {@code containsSyntheticMedia}: YouTube) so a receiver can copy them into its calls. They are always true.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"type", "id", "job_id", "project", "brief_id", "version", "shot", "platform", "title", "caption",
        "hashtags", "schedule_at", "media", "ai_disclosure", "lineage"})
public record PostDescription(
        String type,
        String id,
        String jobId,
        String project,
        String briefId,
        String version,
        String shot,
        String platform,
        String title,
        String caption,
        List<String> hashtags,
        Instant scheduleAt,
        List<MediaFile> media,
        AiDisclosure aiDisclosure,
        Lineage lineage) {

    public static final String TYPE = "reelhub.social.post";

    /** One attached file: its name and where the scheduler downloads it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MediaFile(String file, String url) {
    }

    /** The disclosure flags, always set: every clip the hub posts was made by a generative model. */
    public record AiDisclosure(
            @JsonProperty("isAiGenerated") boolean isAiGenerated,
            @JsonProperty("containsSyntheticMedia") boolean containsSyntheticMedia,
            @JsonProperty("digitalSourceType") String digitalSourceType) {

        public static final AiDisclosure ALWAYS = new AiDisclosure(true, true, Lineage.TRAINED_ALGORITHMIC_MEDIA);
    }

    // the wire format must not follow the application's Jackson settings
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** @param id a stable id for the message ({@code <jobId>.<destination>.<platform>}), or null in a preview */
    public static PostDescription of(SocialPost post, String id) {
        return new PostDescription(TYPE, id, post.jobId(), post.project(), post.briefId(),
                Lineage.versionLabel(post.version()), post.shotId(), post.platform(), post.title(), post.text(),
                post.hashtags(), post.scheduleAt(), post.media().stream().map(m -> new MediaFile(m.fileName(),
                        m.url() == null ? null : m.url().toString())).toList(), AiDisclosure.ALWAYS, post.lineage());
    }

    public byte[] toJson() {
        return write(this);
    }

    /** Several posts as one JSON array (the review package's and the outbox's {@code post.json}). */
    public static byte[] toJson(List<PostDescription> posts) {
        return write(posts);
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a post description of plain values always serialises", e);
        }
    }
}
