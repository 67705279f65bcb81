package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {

    @TempDir
    static Path shared;

    private static List<Keyframe> landscape;

    @TempDir
    Path dir;

    private final ContactSheet sheet = new ContactSheet();

    @BeforeAll
    static void keyframesOfASandboxClip() throws Exception {
        Path clip = TestClips.card(shared, "card.mp4", 1280, 720, 4);
        landscape = new KeyframeExtractor(TestClips.BINARIES).extract(clip, 6, shared.resolve("kf"));
    }

    @Test
    void thePngIsAGridOfTheDocumentedSize() throws Exception {
        Path png = sheet.writePng(landscape, 3, dir.resolve("sheet.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        // 3 columns of 320 + 4 gutters of 8; 2 rows of (180 + a 24 label strip) + 3 gutters of 8
        assertThat(image.getWidth()).isEqualTo(3 * 320 + 4 * 8).isEqualTo(992);
        assertThat(image.getHeight()).isEqualTo(2 * (180 + 24) + 3 * 8).isEqualTo(432);
        assertThat(dir.resolve("sheet.png.part")).doesNotExist();
    }

    @Test
    void anIncompleteLastRowKeepsTheColumnsAndTilesShowTheFrames() throws Exception {
        Path png = sheet.writePng(landscape, 4, 200, dir.resolve("sheet.png"));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(4 * 200 + 5 * 8);
        assertThat(image.getHeight()).isEqualTo(2 * (113 + 24) + 3 * 8);
        // the card's background (dark blue) shows in the first tile, the sheet's grey in the empty last cell
        int inFirstTile = image.getRGB(8 + 100, 8 + 56);
        int inEmptyCell = image.getRGB(8 + 3 * 208 + 100, 8 + 137 + 8 + 56);
        assertThat(inFirstTile).isNotEqualTo(inEmptyCell);
        assertThat(inEmptyCell & 0xffffff).isEqualTo(0x1e1e1e);
    }

    @Test
    void portraitFramesMakeTallTiles() throws Exception {
        Path clip = TestClips.card(dir, "portrait.mp4", 360, 640, 2);
        List<Keyframe> portrait = new KeyframeExtractor(TestClips.BINARIES).extract(clip, 4, dir.resolve("kf"));

        BufferedImage image = ImageIO.read(sheet.writePng(portrait, 4, 90, dir.resolve("p.png")).toFile());

        assertThat(image.getWidth()).isEqualTo(4 * 90 + 5 * 8);
        assertThat(image.getHeight()).isEqualTo(160 + 24 + 2 * 8);
    }

    @Test
    void thePdfHasTheTitleTheCaptionsAndAFrameLabelForEachKeyframe() throws Exception {
        List<Caption> captions = List.of(
                new Caption("Scene", "Rain-soaked neon street in Tokyo at night, light drizzle"),
                new Caption("Characters", "A woman in her 30s, short black bob, red trench coat"),
                new Caption("Camera", "Slow dolly in at eye level, 35mm anamorphic"),
                new Caption("Lighting", "Neon signs as key light, wet reflections, no fill"));

        Path pdf = sheet.writePdf("Opening hook · sh010 v001", landscape, captions, dir.resolve("sheet.pdf"));

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Opening hook · sh010 v001", "Scene", "Rain-soaked neon street in Tokyo",
                    "Characters", "short black bob", "Camera", "Slow dolly in", "Lighting", "wet reflections");
            for (Keyframe keyframe : landscape) {
                assertThat(text).contains(keyframe.timecode());
            }
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(landscape.size());
        }
        assertThat(dir.resolve("sheet.pdf.part")).doesNotExist();
    }

    @Test
    void longCaptionsWrapWithinThePageAndFlowOntoMorePages() throws Exception {
        List<Caption> captions = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            captions.add(new Caption("Note " + i, ("The camera cranes up slowly over the rooftops while the rain "
                    + "thickens and the neon reflections ripple in every puddle. ").repeat(6)));
        }

        Path pdf = sheet.writePdf("Long brief", landscape, captions, dir.resolve("long.pdf"));

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(document);
            assertThat(text).contains("Note 1\n", "Note 12\n", "page 1 of " + document.getNumberOfPages());
            // wrapped: no printed line is anywhere near the length of a caption paragraph
            assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(140);
        }
    }

    @Test
    void charactersBeyondLatinOneNeverBreakThePdf() throws Exception {
        List<Caption> captions = List.of(new Caption("Scène — 東京", "Ελληνικά, кириллица, emoji 🎬 and "
                + "a zero-width\u200bspace\ttab"));

        for (String font : List.of("", "builtin")) {
            Path pdf = new ContactSheet(font).writePdf("Tōkyō № 5 ✓", landscape.subList(0, 2), captions,
                    dir.resolve("unicode-" + font + ".pdf"));

            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).as("font '%s'", font).contains("Sc", "emoji", "and a zero-width");
            }
        }
    }

    @Test
    void aMissingFontFileIsAConfigurationErrorThatNamesIt() {
        ContactSheet misconfigured = new ContactSheet("no/such/font.ttf");

        assertThatThrownBy(() -> misconfigured.writePdf("t", landscape, List.of(), dir.resolve("x.pdf")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reelhub.media.pdf-font")
                .hasMessageContaining("no/such/font.ttf");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void aKeyframeThatIsNoImageIsNamedInTheError() throws Exception {
        Path bogus = dir.resolve("kf01.png");
        Files.writeString(bogus, "not a png");

        assertThatThrownBy(() -> sheet.writePng(List.of(new Keyframe(1, 0, bogus)), 2, dir.resolve("s.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kf01.png");
        assertThat(dir.resolve("s.png")).doesNotExist();
    }

    @Test
    void anEmptyListOrNoColumnsIsRefused() {
        assertThatThrownBy(() -> sheet.writePng(List.of(), 3, dir.resolve("s.png")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheet.writePng(landscape, 0, dir.resolve("s.png")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
