package io.reelhub.delivery.storyboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A shot's storyboard package, built once per job in its work folder and handed to every pre-production
 * destination of that job: the keyframes (PNG), the contact sheet (PNG and a PDF captioned with the prompt's
 * sections) and the brief's shot list (CSV and JSON).
 *
 * @param outline the brief the shot belongs to
 * @param shot    the shot this package is for
 */
public record StoryboardPackage(
        BriefOutline outline,
        PlannedShot shot,
        List<PackagedFrame> keyframes,
        Path contactSheetPng,
        Path contactSheetPdf,
        Path shotListCsv,
        Path shotListJson) {

    public StoryboardPackage {
        keyframes = List.copyOf(keyframes);
    }

    /** Every file, in the order destinations write them (the shot list last: it lists the others). */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        keyframes.forEach(frame -> files.add(frame.image()));
        files.add(contactSheetPng);
        files.add(contactSheetPdf);
        files.add(shotListCsv);
        files.add(shotListJson);
        return files;
    }

    /** The package as a destination writes it: the files under their own names. */
    public PackageContents contents() {
        return new PackageContents("storyboard", keyframes, files().stream().map(PackageFile::of).toList());
    }
}
