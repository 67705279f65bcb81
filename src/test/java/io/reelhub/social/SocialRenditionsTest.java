package io.reelhub.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import io.reelhub.outputs.OutputUrls;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.SpecCodec;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobState;
import io.reelhub.media.ClipRenderer;
import io.reelhub.media.ClipSpec;
import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import io.reelhub.media.Reframer;

/**
 * The social review material with the real FFmpeg of the bytedeco jar: every rendition has exactly its platform's
 * frame and its source's length and passes the platform's spec (duration, frame rate, codec, moov first); a clip
 * outside a platform's window is refused, naming the platform and the window.
 */
class SocialRenditionsTest {

    private static final FfmpegBinaries FFMPEG = FfmpegBinaries.shipped();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path clips;
    private static Path landscape;

    @TempDir
    Path work;

    private final SocialTestBed bed = new SocialTestBed(platformsWithFeed());
    private final MediaProbe probe = new MediaProbe(FFMPEG);
    private final SocialRenditions renditions = new SocialRenditions(bed.profiles,
            new BriefSocial(bed.jobs, JSON), new Reframer(FFMPEG), probe,
            new OutputUrls(new MockEnvironment().withProperty("reelhub.public-url", "https://hub.example/")),
            new SpecCodec(JSON));

    @BeforeAll
    static void renderASandboxClip() throws Exception {
        landscape = clips.resolve("sh010.mp4");
        new ClipRenderer(FFMPEG).render(new ClipSpec(1280, 720, 4, "SANDBOX · veo-3.1", "sh010",
                "A quiet harbour at dawn", Map.of()), landscape);
    }

    @Test
    void eachPlatformGetsItsExactFrameAtTheSourceLengthAndPassesItsSpec() throws Exception {
        Job job = job(landscape, "[tiktok, facebook-feed]", "caption: \"Dawn at the harbour #harbour\","
                + " hashtags: [dawn, Harbour], schedule_at: 2026-12-01T09:00:00Z");
        double sourceSeconds = probe.probe(landscape).durationSeconds();

        List<Path> files = renditions.prepare(job, work);

        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("sh010_v001_tiktok.mp4",
                "sh010_v001_facebook-feed.mp4", "caption.txt", "post.json");
        ProbeResult tiktok = probe.probe(files.get(0));
        assertThat(tiktok.width()).isEqualTo(1080);
        assertThat(tiktok.height()).isEqualTo(1920);
        assertThat(tiktok.durationSeconds()).isCloseTo(sourceSeconds, offset(0.1));
        assertThat(tiktok.videoCodec()).isEqualTo("h264");
        ProbeResult feed = probe.probe(files.get(1));
        assertThat(feed.width()).isEqualTo(1080);
        assertThat(feed.height()).isEqualTo(1080);
        for (Path rendition : files.subList(0, 2)) {
            assertThat(Mp4Atoms.moovBeforeMdat(rendition)).isTrue();
            String platform = rendition.getFileName().toString().replace("sh010_v001_", "").replace(".mp4", "");
            assertThat(RenditionCheck.problems(bed.profiles.get(platform), probe.probe(rendition), true,
                    sourceSeconds)).isEmpty();
        }
        assertThat(Files.readString(files.get(2), StandardCharsets.UTF_8))
                .isEqualTo("Dawn at the harbour #harbour #dawn\n");
        JsonNode preview = JSON.readTree(files.get(3).toFile());
        assertThat(preview).hasSize(2);
        assertThat(preview.get(0).path("platform").asText()).isEqualTo("tiktok");
        assertThat(preview.get(0).path("hashtags")).extracting(JsonNode::asText).containsExactly("harbour", "dawn");
        assertThat(preview.get(0).path("schedule_at").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(preview.get(0).path("media").get(0).path("url").asText())
                .isEqualTo("https://hub.example/api/jobs/" + job.id() + "/outputs/sh010_v001_tiktok.mp4");
        assertThat(preview.get(1).path("ai_disclosure").path("isAiGenerated").asBoolean()).isTrue();
        assertThat(preview.get(1).path("ai_disclosure").path("containsSyntheticMedia").asBoolean()).isTrue();
        assertThat(preview.get(1).path("lineage").path("seed").asLong()).isEqualTo(42);
    }

    @Test
    void aClipLongerThanFacebookReelsTakeIsRefusedNamingTheWindowBeforeAnythingIsRendered() throws Exception {
        Path long91 = lavfi("color=c=gray:s=64x64:r=24:d=91", "long.mp4");
        Job job = job(long91, "[tiktok, facebook-reels]", "caption: Long");

        assertThatThrownBy(() -> renditions.prepare(job, work)).isInstanceOf(RenditionRefusedException.class)
                .hasMessageStartingWith("facebook-reels takes clips of 3–90 s (source: test); this clip is 91.00 s");
        assertThat(work.resolve("social")).doesNotExist();
    }

    @Test
    void aRenditionOutsideItsPlatformsFrameRateWindowIsRefusedAndRemoved() throws Exception {
        Path slow = lavfi("testsrc2=s=320x180:r=15:d=4", "slow.mp4");
        Job job = job(slow, "[tiktok]", "caption: Slow");

        assertThatThrownBy(() -> renditions.prepare(job, work)).isInstanceOf(RenditionRefusedException.class)
                .hasMessageContaining("the tiktok rendition of job " + job.id() + " fails the platform's spec")
                .hasMessageContaining("15.00 fps is outside 23–60 fps");
        assertThat(work.resolve("social/sh010_v001_tiktok.mp4")).doesNotExist();
    }

    @Test
    void aClipOfAnotherStageGetsNoSocialMaterial() throws Exception {
        Job job = job(landscape, "[tiktok]", "caption: x");
        Job bin = withStage(job, "post-production");

        assertThat(renditions.prepare(bin, work)).isEmpty();
    }

    private static Map<String, SocialProperties.Platform> platformsWithFeed() {
        Map<String, SocialProperties.Platform> platforms = new HashMap<>(SocialTestBed.platforms());
        platforms.put("facebook-feed", new SocialProperties.Platform("1080x1080", "pad", null, null, null, null,
                List.of("h264"), null, "test"));
        return platforms;
    }

    private Job job(Path clip, String platforms, String social) throws Exception {
        String id = bed.newJob();
        ObjectNode briefNode = JSON.createObjectNode().put("brief", 1).put("id", "spring-teaser")
                .put("project", "acme-spring").put("stage", "social");
        briefNode.set("social", YAML.readTree("{platforms: " + platforms + ", " + social + "}"));
        String spec = new SpecCodec(JSON).write(new GenerationSpec("sh010", "veo-3.1", "veo-3.1", "A harbour", 4,
                1280, 720, 42L, null, false, BigDecimal.ONE));
        Instant now = bed.clock.instant();
        return new Job(id, null, "acme-spring", "spring-teaser", 1, "sh010", "social", "Spring teaser", "test",
                JobState.PROCESSING, "veo-3.1", "sandbox", spec, JSON.writeValueAsString(briefNode), null, null, 1,
                now, "sbx-1", 100, BigDecimal.ONE, 0, null, null, clip.toString(), null, null, now, now, now, null,
                null);
    }

    private static Job withStage(Job job, String stage) {
        return new Job(job.id(), job.parentId(), job.project(), job.briefId(), job.version(), job.shotId(), stage,
                job.title(), job.source(), job.state(), job.model(), job.provider(), job.specJson(), job.briefJson(),
                job.warningsJson(), job.submitKey(), job.submitAttempts(), job.submitIntentAt(), job.providerJobId(),
                job.progress(), job.costEstimateUsd(), job.stepAttempts(), job.nextActionAt(), job.lastError(),
                job.clipPath(), job.probeJson(), job.outputsJson(), job.createdAt(), job.updatedAt(),
                job.renderedAt(), job.providerStateJson(), job.providerNote());
    }

    private static Path lavfi(String source, String name) throws Exception {
        Path out = clips.resolve(name);
        List<String> command = new ArrayList<>(List.of(FFMPEG.ffmpeg().toString(), "-hide_banner", "-loglevel",
                "error", "-nostdin", "-f", "lavfi", "-i", source, "-c:v", "libopenh264", "-b:v", "200k",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return out;
    }
}
