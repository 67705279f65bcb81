package io.reelhub.delivery.storyboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.Lineage;
import io.reelhub.media.Caption;
import io.reelhub.media.ContactSheet;
import io.reelhub.media.KeyframeExtractor;

/**
 * Builds a shot's storyboard package in its job's work folder, once ({@link WorkPackage}): the keyframes, a contact
 * sheet as PNG (a grid, {@code reelhub.storyboard.contact-sheet-columns} wide) and as PDF captioned with the
 * prompt's sections, the shot's timing and the AI-generated lineage, and the brief's shot list as CSV and JSON.
 */
@Component
public class StoryboardPackager implements StoryboardPackages {

    static final String FOLDER = "storyboard-package";
    private static final Logger LOG = LoggerFactory.getLogger(StoryboardPackager.class);

    private final BriefOutlines outlines;
    private final KeyframeExtractor extractor;
    private final ContactSheet sheets;
    private final int keyframes;
    private final int columns;

    public StoryboardPackager(BriefOutlines outlines, KeyframeExtractor extractor, ContactSheet sheets,
                              @Value("${reelhub.media.keyframes:" + KeyframeExtractor.DEFAULT_COUNT + "}")
                              int keyframes,
                              @Value("${reelhub.storyboard.contact-sheet-columns:3}") int columns) {
        if (columns < 1) {
            throw new IllegalStateException("reelhub.storyboard.contact-sheet-columns must be at least 1, got "
                    + columns);
        }
        this.outlines = outlines;
        this.extractor = extractor;
        this.sheets = sheets;
        this.keyframes = keyframes;
        this.columns = columns;
    }

    @Override
    public StoryboardPackage of(Delivery delivery) throws IOException, InterruptedException {
        BriefOutline outline = outlines.of(delivery);
        PlannedShot shot = outline.shot(delivery.shotId());
        Path work = delivery.clip().toAbsolutePath().getParent();
        List<PackagedFrame> frames = WorkPackage.ensure(work, FOLDER, into -> build(delivery, outline, shot, into));
        Path folder = work.resolve(FOLDER);
        return new StoryboardPackage(outline, shot, frames,
                folder.resolve(StoryboardNames.contactSheetPng(shot.id())),
                folder.resolve(StoryboardNames.contactSheetPdf(shot.id())),
                folder.resolve(StoryboardNames.SHOT_LIST_CSV), folder.resolve(StoryboardNames.SHOT_LIST_JSON));
    }

    private List<PackagedFrame> build(Delivery delivery, BriefOutline outline, PlannedShot shot, Path into)
            throws IOException, InterruptedException {
        List<PackagedFrame> frames = PackageKeyframes.extract(extractor, delivery.clip(), keyframes, shot.id(), into);
        sheets.writePng(PackageKeyframes.asKeyframes(frames), columns,
                into.resolve(StoryboardNames.contactSheetPng(shot.id())));
        sheets.writePdf(title(outline, shot), PackageKeyframes.asKeyframes(frames), captions(delivery, outline, shot),
                into.resolve(StoryboardNames.contactSheetPdf(shot.id())));
        ShotListFiles shotList = new ShotListFiles(outline, keyframes);
        Files.write(into.resolve(StoryboardNames.SHOT_LIST_CSV), shotList.csv());
        Files.write(into.resolve(StoryboardNames.SHOT_LIST_JSON), shotList.json());
        LOG.info("Job {}: built the storyboard package of {} ({} keyframes)", delivery.jobId(), shot.id(),
                frames.size());
        return frames;
    }

    static String title(BriefOutline outline, PlannedShot shot) {
        return (outline.title() == null ? outline.briefId() : outline.title()) + " - " + outline.briefId() + " "
                + outline.versionLabel() + ", shot " + shot.id() + " (" + shot.order() + " of "
                + outline.shots().size() + ")";
    }

    /** The prompt's sections, then the shot's place in the brief and the lineage every output carries. */
    static List<Caption> captions(Delivery delivery, BriefOutline outline, PlannedShot shot) {
        List<Caption> captions = new ArrayList<>();
        shot.prompt().forEach(part -> captions.add(new Caption(part.label(), part.text())));
        captions.add(new Caption("Timing", String.format(Locale.ROOT, "%d s, from %.3f s to %.3f s of the brief's"
                + " %.3f s", shot.seconds(), shot.startSeconds(), shot.endSeconds(), outline.totalSeconds())));
        captions.add(new Caption("AI-generated", lineage(delivery)));
        return captions;
    }

    /** One sentence of lineage for sheets: model, seed, provider job, and the IPTC digital source type. */
    public static String lineage(Delivery delivery) {
        return "Generated by " + delivery.model() + (delivery.seed() == null ? "" : " with seed " + delivery.seed())
                + " via " + delivery.provider() + (delivery.providerJobId() == null ? ""
                : " (job " + delivery.providerJobId() + ")") + " for brief " + delivery.briefId() + " "
                + Lineage.versionLabel(delivery.version()) + ". Digital source type: "
                + Lineage.TRAINED_ALGORITHMIC_MEDIA;
    }
}
