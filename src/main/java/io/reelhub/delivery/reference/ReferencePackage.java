package io.reelhub.delivery.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.reelhub.delivery.storyboard.BriefOutline;
import io.reelhub.delivery.storyboard.PackageContents;
import io.reelhub.delivery.storyboard.PackageFile;
import io.reelhub.delivery.storyboard.PackagedFrame;
import io.reelhub.delivery.storyboard.PlannedShot;

/**
 * A shot's shooting-reference package for the production stage, built once per job in its work folder: the clip
 * itself (left where it is), its keyframes and a contact-sheet PDF with the camera, lighting and action notes.
 */
public record ReferencePackage(
        BriefOutline outline,
        PlannedShot shot,
        ShootingNotes notes,
        Path clip,
        List<PackagedFrame> keyframes,
        Path sheetPdf) {

    public ReferencePackage {
        keyframes = List.copyOf(keyframes);
    }

    /** The package as a destination writes it: the clip as {@code <shot>_v<NNN>.mp4}, the keyframes, the sheet. */
    public PackageContents contents() {
        List<PackageFile> files = new ArrayList<>();
        files.add(new PackageFile(shot.id() + "_" + outline.versionLabel() + ".mp4", clip));
        keyframes.forEach(frame -> files.add(PackageFile.of(frame.image())));
        files.add(PackageFile.of(sheetPdf));
        return new PackageContents("reference", keyframes, files);
    }

    /** {@code sh010_reference.pdf}. */
    public static String sheetName(String shot) {
        return shot + "_reference.pdf";
    }
}
