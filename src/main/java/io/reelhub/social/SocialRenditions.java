package io.reelhub.social;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.outputs.OutputUrls;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.brief.Social;
import io.reelhub.brief.Stage;
import io.reelhub.delivery.Lineage;
import io.reelhub.dispatch.SpecCodec;
import io.reelhub.jobs.Job;
import io.reelhub.media.MediaProbe;
import io.reelhub.media.ProbeResult;
import io.reelhub.media.Reframer;
import io.reelhub.review.ReviewMaterial;

/**
 * A social clip's review material: one rendition per platform of the brief, in the platform's frame
 * ({@code reelhub.social.platforms.<name>}) and checked after it is made, plus {@code caption.txt}, the text to post
 * (a reviewer may correct it before approving), and {@code post.json}, every post as it will go out. The reviewer
 * sees exactly what the destinations will publish. A clip outside a platform's duration window is refused before
 * anything is rendered, naming the platform and the window.
 */
@Component
public class SocialRenditions implements ReviewMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(SocialRenditions.class);

    private final PlatformProfiles profiles;
    private final BriefSocial briefs;
    private final Reframer reframer;
    private final MediaProbe probe;
    private final OutputUrls urls;
    private final SpecCodec specs;

    public SocialRenditions(PlatformProfiles profiles, BriefSocial briefs, Reframer reframer, MediaProbe probe,
                            OutputUrls urls, SpecCodec specs) {
        this.profiles = profiles;
        this.briefs = briefs;
        this.reframer = reframer;
        this.probe = probe;
        this.urls = urls;
        this.specs = specs;
    }

    @Override
    public List<Path> prepare(Job job, Path workFolder) throws InterruptedException, IOException {
        if (!Stage.SOCIAL.wireName().equals(job.stage())) {
            return List.of();
        }
        Social social = briefs.of(job).orElse(null);
        if (social == null || social.platforms().isEmpty()) {
            return List.of();  // a social brief for other destinations (intake refuses one for a posting destination)
        }
        Path clip = Path.of(job.clipPath());
        ProbeResult source = probe.probe(clip);
        List<PlatformProfile> targets = social.platforms().stream().map(profiles::get).toList();
        for (PlatformProfile profile : targets) {
            if (!profile.takesDuration(source.durationSeconds())) {
                throw new RenditionRefusedException(("%s takes clips of %s%s; this clip is %.2f s, so no %s"
                        + " rendition is made").formatted(profile.name(), profile.durationWindow(), profile.cited(),
                        source.durationSeconds(), profile.name()));
            }
        }
        Path folder = Files.createDirectories(workFolder.resolve("social"));
        List<Path> files = new ArrayList<>();
        for (PlatformProfile profile : targets) {
            files.add(rendition(job, clip, source, profile, folder));
        }
        String text = CaptionText.of(social);
        files.add(Files.writeString(folder.resolve(ReviewFiles.CAPTION), text + "\n", StandardCharsets.UTF_8));
        files.add(Files.write(folder.resolve(ReviewFiles.PREVIEW), PostDescription.toJson(preview(job, social, text,
                files))));
        return files;
    }

    /** The platform's rendition, made unless a good one is already there (a step repeated after a crash). */
    Path rendition(Job job, Path clip, ProbeResult source, PlatformProfile profile, Path folder)
            throws InterruptedException, IOException {
        Path out = folder.resolve(ReviewFiles.rendition(job, profile.name()));
        if (Files.isRegularFile(out) && problems(profile, out, source).isEmpty()) {
            return out;
        }
        reframer.reframe(clip, profile.reframe(), out);
        List<String> problems = problems(profile, out, source);
        if (!problems.isEmpty()) {
            Files.deleteIfExists(out);
            throw new RenditionRefusedException("the " + profile.name() + " rendition of job " + job.id() + " fails"
                    + " the platform's spec" + profile.cited() + ": " + String.join("; ", problems));
        }
        LOG.info("Job {}: {} rendition {} made ({}, {})", job.id(), profile.name(), out.getFileName(),
                profile.reframe(), profile.durationWindow());
        return out;
    }

    private List<String> problems(PlatformProfile profile, Path rendition, ProbeResult source)
            throws InterruptedException, IOException {
        return RenditionCheck.problems(profile, probe.probe(rendition), Mp4Atoms.moovBeforeMdat(rendition),
                source.durationSeconds());
    }

    private List<PostDescription> preview(Job job, Social social, String text, List<Path> files) {
        GenerationSpec spec = specs.read(job);
        Lineage lineage = new Lineage(job.id(), job.briefId(), job.version(), job.model(), job.provider(),
                job.providerJobId(), spec.seed(), spec.prompt(), job.costEstimateUsd(),
                "sandbox".equals(job.provider()));
        List<PostDescription> posts = new ArrayList<>();
        for (String platform : social.platforms()) {
            Path rendition = ReviewFiles.named(files, ReviewFiles.rendition(job, platform)).orElseThrow();
            SocialPost post = new SocialPost(job.id(), job.project(), job.briefId(), job.version(), job.shotId(),
                    platform, job.title(), text, CaptionText.hashtagsIn(text),
                    social.scheduleAt() == null ? null : social.scheduleAt().toInstant(),
                    List.of(new SocialPost.Media(rendition.getFileName().toString(), null,
                            urls.urlOf(job.id(), rendition))),
                    lineage);
            posts.add(PostDescription.of(post, null));
        }
        return posts;
    }
}
