package io.reelhub.delivery.storyboard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import io.reelhub.delivery.Delivery;

/**
 * Storyboard packages and deliveries for connector tests that need real files but not the media toolkit: keyframes
 * are real PNGs drawn with Java2D (a different colour each, so their bytes differ), the shot list is written by
 * {@link ShotListFiles}, and the clip is a small file of known bytes.
 */
public final class StoryboardFixtures {

    public static final String PROJECT = "acme-spring";
    public static final String BRIEF = "neon-street";

    private StoryboardFixtures() {
    }

    /** The two-shot neon street brief, version {@code version}. */
    public static BriefOutline outline(int version) {
        List<PromptPart> common = List.of(
                new PromptPart("Scene", "Rain-soaked neon street in Tokyo at night, light drizzle"),
                new PromptPart("Characters", "A woman in her 30s, short black bob, red trench coat"));
        List<PromptPart> style = List.of(new PromptPart("Tone", "Tense, anticipatory, slow pacing"),
                new PromptPart("Style", "Anamorphic 35mm, shallow depth of field, teal-orange grade"));
        return new BriefOutline(PROJECT, BRIEF, "Opening hook", version, List.of(
                new PlannedShot("sh010", 1, 4, 0, 4, parts(common, "She walks toward camera, then stops", style),
                        "veo-3.1", 42L),
                new PlannedShot("sh020", 2, 4, 4, 8, parts(common, "She looks up as a drone passes overhead",
                        style), "veo-3.1", 42L)));
    }

    private static List<PromptPart> parts(List<PromptPart> before, String action, List<PromptPart> after) {
        List<PromptPart> all = new ArrayList<>(before);
        all.add(new PromptPart("Action", action));
        all.addAll(after);
        return all;
    }

    /** A package of {@code keyframes} PNGs for {@code shot}, written under {@code dir}. */
    public static StoryboardPackage storyboard(Path dir, BriefOutline outline, String shot, int keyframes)
            throws IOException {
        Files.createDirectories(dir);
        PlannedShot planned = outline.shot(shot);
        List<PackagedFrame> frames = new ArrayList<>();
        for (int i = 1; i <= keyframes; i++) {
            Path png = dir.resolve(StoryboardNames.keyframe(shot, i));
            writePng(png, 160, 90, new Color(40 * i % 256, 80 + 20 * i % 176, 200 - 15 * i));
            frames.add(new PackagedFrame(i, (i - 0.5) * planned.seconds() / keyframes, png));
        }
        Path sheet = dir.resolve(StoryboardNames.contactSheetPng(shot));
        writePng(sheet, 480, 180, Color.DARK_GRAY);
        Path pdf = Files.write(dir.resolve(StoryboardNames.contactSheetPdf(shot)), minimalPdf());
        ShotListFiles shotList = new ShotListFiles(outline, keyframes);
        Path csv = Files.write(dir.resolve(StoryboardNames.SHOT_LIST_CSV), shotList.csv());
        Path json = Files.write(dir.resolve(StoryboardNames.SHOT_LIST_JSON), shotList.json());
        return new StoryboardPackage(outline, planned, frames, sheet, pdf, csv, json);
    }

    /** A delivery of {@code shot} whose clip is a small file of known bytes under {@code dir}. */
    public static Delivery delivery(Path dir, String jobId, String shot, int version) throws IOException {
        Files.createDirectories(dir);
        Path clip = dir.resolve("clip.mp4");
        if (!Files.exists(clip)) {
            byte[] bytes = new byte[256 * 1024 + 17];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31 + shot.hashCode());
            }
            Files.write(clip, bytes);
        }
        return new Delivery(jobId, BRIEF, PROJECT, version, shot, "pre-production", "Opening hook", "veo-3.1",
                "sandbox", "sbx-op-4711", 42L, "Scene: Rain-soaked neon street in Tokyo at night. Action: She walks"
                + " toward camera.", new BigDecimal("3.20"), true, clip, 1280, 720, 4.0, 24.0,
                Instant.parse("2026-10-21T08:00:00Z"), Instant.parse("2026-10-21T08:03:12Z"));
    }

    private static void writePng(Path file, int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString(file.getFileName().toString(), 4, 14);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static byte[] minimalPdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
