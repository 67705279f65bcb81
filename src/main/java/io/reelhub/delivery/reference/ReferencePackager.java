package io.reelhub.delivery.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.storyboard.BriefOutline;
import io.reelhub.delivery.storyboard.BriefOutlines;
import io.reelhub.delivery.storyboard.PackageKeyframes;
import io.reelhub.delivery.storyboard.PackagedFrame;
import io.reelhub.delivery.storyboard.PlannedShot;
import io.reelhub.delivery.storyboard.StoryboardPackager;
import io.reelhub.delivery.storyboard.WorkPackage;
import io.reelhub.media.Caption;
import io.reelhub.media.ContactSheet;
import io.reelhub.media.KeyframeExtractor;

/**
 * Builds a shot's shooting-reference package in its job's work folder, once ({@link WorkPackage}): the keyframes
 * and a contact-sheet PDF headed by the camera, lighting and action notes ({@link ShootingNotes}), then the whole
 * prompt and the AI-generated lineage. The clip is not copied: destinations take it from the delivery.
 */
@Component
public class ReferencePackager {

    static final String FOLDER = "reference-package";
    private static final Logger LOG = LoggerFactory.getLogger(ReferencePackager.class);

    private final BriefOutlines outlines;
    private final KeyframeExtractor extractor;
    private final ContactSheet sheets;
    private final int keyframes;

    public ReferencePackager(BriefOutlines outlines, KeyframeExtractor extractor, ContactSheet sheets,
                             @Value("${reelhub.media.keyframes:" + KeyframeExtractor.DEFAULT_COUNT + "}")
                             int keyframes) {
        this.outlines = outlines;
        this.extractor = extractor;
        this.sheets = sheets;
        this.keyframes = keyframes;
    }

    public ReferencePackage of(Delivery delivery) throws IOException, InterruptedException {
        BriefOutline outline = outlines.of(delivery);
        PlannedShot shot = outline.shot(delivery.shotId());
        ShootingNotes notes = ShootingNotes.of(shot);
        Path work = delivery.clip().toAbsolutePath().getParent();
        List<PackagedFrame> frames = WorkPackage.ensure(work, FOLDER,
                into -> build(delivery, outline, shot, notes, into));
        return new ReferencePackage(outline, shot, notes, delivery.clip(), frames,
                work.resolve(FOLDER).resolve(ReferencePackage.sheetName(shot.id())));
    }

    private List<PackagedFrame> build(Delivery delivery, BriefOutline outline, PlannedShot shot, ShootingNotes notes,
                                      Path into) throws IOException, InterruptedException {
        List<PackagedFrame> frames = PackageKeyframes.extract(extractor, delivery.clip(), keyframes, shot.id(), into);
        sheets.writePdf("Shooting reference - " + (outline.title() == null ? outline.briefId() : outline.title())
                        + " - " + outline.briefId() + " " + outline.versionLabel() + ", shot " + shot.id(),
                PackageKeyframes.asKeyframes(frames), captions(delivery, shot, notes),
                into.resolve(ReferencePackage.sheetName(shot.id())));
        LOG.info("Job {}: built the shooting reference of {} ({} keyframes)", delivery.jobId(), shot.id(),
                frames.size());
        return frames;
    }

    /** Camera, lighting and action first (what a crew reads), then the prompt as written and the lineage. */
    static List<Caption> captions(Delivery delivery, PlannedShot shot, ShootingNotes notes) {
        List<Caption> captions = new ArrayList<>();
        notes.asParts().forEach(part -> captions.add(new Caption(part.label(), part.text())));
        shot.prompt().stream().filter(part -> !part.label().equals("Action"))
                .forEach(part -> captions.add(new Caption("Brief: " + part.label(), part.text())));
        captions.add(new Caption("Length", String.format(Locale.ROOT, "%d s asked, %.2f s delivered, %dx%d at %.3f"
                + " fps", shot.seconds(), delivery.durationSeconds(), delivery.width(), delivery.height(),
                delivery.fps())));
        captions.add(new Caption("AI-generated", StoryboardPackager.lineage(delivery)));
        return captions;
    }
}
