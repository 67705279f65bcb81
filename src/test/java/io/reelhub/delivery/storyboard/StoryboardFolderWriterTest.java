package io.reelhub.delivery.storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.bin.DeliveredVersionConflictException;
import io.reelhub.media.ContactSheet;
import io.reelhub.media.KeyframeExtractor;

/**
 * The storyboard package of a two-shot brief, built by the real media toolkit from sandbox clips and delivered shot
 * by shot into a storyboards folder: the files a storyboard artist opens, and the folder's guarantees.
 */
class StoryboardFolderWriterTest {

    private static final int KEYFRAMES = 4;
    private static final int COLUMNS = 2;

    @TempDir
    static Path tmp;

    private static final LedgerFixtures LEDGER = LedgerFixtures.create();
    private static StoryboardFolderWriter writer;
    private static StoryboardPackager packager;
    private static Delivery first;
    private static Delivery second;
    private static Path storyboards;

    @BeforeAll
    static void deliverBothShots() throws Exception {
        List<String> jobs = LEDGER.multi(LedgerFixtures.brief("neon-street", "pre-production",
                        "sh010", "She walks toward camera, then stops", "3",
                        "sh020", "She looks up as a drone passes overhead", "2"), 1,
                List.of(LedgerFixtures.spec("sh010", 3, 42L), LedgerFixtures.spec("sh020", 2, 42L)));
        packager = new StoryboardPackager(LEDGER.outlines(), new KeyframeExtractor(PackageClips.BINARIES),
                new ContactSheet(), KEYFRAMES, COLUMNS);
        writer = new StoryboardFolderWriter(packager, Clock.fixed(Instant.parse("2026-10-21T09:00:00Z"),
                ZoneOffset.UTC));
        storyboards = Files.createDirectories(tmp.resolve("storyboards"));
        first = PackageClips.delivery(tmp.resolve("work"), jobs.get(0), "pre-production", "sh010", 1, 640, 360, 3);
        second = PackageClips.delivery(tmp.resolve("work"), jobs.get(1), "pre-production", "sh020", 1, 640, 360, 2);
        writer.deliver(first, storyboards.toString());
        writer.deliver(second, storyboards.toString());
    }

    private static Path version() {
        return storyboards.resolve("acme-spring/neon-street/v001");
    }

    @Test
    void eachShotGetsItsKeyframesContactSheetsAndManifestBesideTheBriefsShotList() throws Exception {
        try (var files = Files.list(version())) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    "sh010.reelhub.json", "sh010_contact-sheet.pdf", "sh010_contact-sheet.png", "sh010_kf01.png",
                    "sh010_kf02.png", "sh010_kf03.png", "sh010_kf04.png", "sh020.reelhub.json",
                    "sh020_contact-sheet.pdf", "sh020_contact-sheet.png", "sh020_kf01.png", "sh020_kf02.png",
                    "sh020_kf03.png", "sh020_kf04.png", "shot-list.csv", "shot-list.json");
        }
        BufferedImage keyframe = ImageIO.read(version().resolve("sh010_kf01.png").toFile());
        assertThat(keyframe.getWidth()).isEqualTo(640);
        assertThat(keyframe.getHeight()).isEqualTo(360);
    }

    @Test
    void theContactSheetIsAGridOfTheKeyframesOfThePredictedSize() throws Exception {
        BufferedImage sheet = ImageIO.read(version().resolve("sh010_contact-sheet.png").toFile());
        int tile = ContactSheet.DEFAULT_TILE_WIDTH;
        int imageHeight = Math.round(tile * 360f / 640);
        int rows = (KEYFRAMES + COLUMNS - 1) / COLUMNS;

        assertThat(sheet.getWidth()).isEqualTo(COLUMNS * tile + (COLUMNS + 1) * ContactSheet.GUTTER);
        assertThat(sheet.getHeight()).isEqualTo(rows * (imageHeight + ContactSheet.LABEL_HEIGHT)
                + (rows + 1) * ContactSheet.GUTTER);
    }

    @Test
    void theContactSheetPdfIsCaptionedWithThePromptSectionsTheTimingAndTheAiFlag() throws Exception {
        String text;
        try (PDDocument pdf = Loader.loadPDF(version().resolve("sh020_contact-sheet.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }

        assertThat(text).contains("neon-street v001, shot sh020 (2 of 2)")
                .contains("Scene").contains("Rain-soaked neon street in Tokyo at night")
                .contains("Characters").contains("red trench coat")
                .contains("Action").contains("She looks up as a drone passes overhead")
                .contains("Tone").contains("Style").contains("Anamorphic 35mm")
                .contains("from 3.000 s to 5.000 s of the brief's 5.000 s")
                .contains("AI-generated").contains("trainedAlgorithmicMedia");
    }

    @Test
    void theShotListHasOneRowPerShotOfTheBriefWithTimingsPromptSectionsAndFileNames() throws Exception {
        List<String> csv = Files.readAllLines(version().resolve("shot-list.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(1 + 2);
        assertThat(csv.get(0)).isEqualTo("shot_id,order,seconds,start_seconds,end_seconds,scene,characters,action,"
                + "tone,style,prompt,model,seed,version,keyframes,contact_sheet_png,contact_sheet_pdf");
        assertThat(csv.get(2)).startsWith("sh020,2,2,3,5,\"Rain-soaked neon street in Tokyo at night, light"
                + " drizzle\",").contains(",She looks up as a drone passes overhead,")
                .endsWith(",veo-3.1,42,v001,sh020_kf01.png;sh020_kf02.png;sh020_kf03.png;sh020_kf04.png,"
                        + "sh020_contact-sheet.png,sh020_contact-sheet.pdf");

        JsonNode json = new ObjectMapper().readTree(version().resolve("shot-list.json").toFile());
        assertThat(json.path("shots")).hasSize(2);
        assertThat(json.path("shots").get(0).path("prompt").path("action").asText())
                .isEqualTo("She walks toward camera, then stops");
        assertThat(json.path("shots").get(1).path("start_seconds").asDouble()).isEqualTo(3.0);
        assertThat(json.path("ai_generated").asBoolean()).isTrue();
    }

    @Test
    void theManifestComesLastAndListsEveryFileWithItsDigestAndTheKeyframeTimes() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(version().resolve("sh010.reelhub.json").toFile());

        assertThat(manifest.path("kind").asText()).isEqualTo("storyboard");
        assertThat(manifest.path("job_id").asText()).isEqualTo(first.jobId());
        assertThat(manifest.path("ai_generated").asBoolean()).isTrue();
        assertThat(manifest.path("keyframes")).hasSize(KEYFRAMES);
        assertThat(manifest.path("files")).hasSize(KEYFRAMES + 4);
        for (JsonNode file : manifest.path("files")) {
            Path written = version().resolve(file.path("name").asText());
            assertThat(Files.size(written)).isEqualTo(file.path("size_bytes").asLong());
            assertThat(Files.getLastModifiedTime(written))
                    .isLessThanOrEqualTo(Files.getLastModifiedTime(version().resolve("sh010.reelhub.json")));
        }
    }

    @Test
    void deliveringAShotAgainWritesNothingAndReusesItsPackage() throws Exception {
        Path sheet = version().resolve("sh010_contact-sheet.pdf");
        FileTime before = Files.getLastModifiedTime(sheet);
        byte[] manifest = Files.readAllBytes(version().resolve("sh010.reelhub.json"));
        FileTime built = Files.getLastModifiedTime(first.clip().resolveSibling("storyboard-package/package.json"));

        List<String> again = new StoryboardFolderWriter(packager, Clock.systemUTC()).deliver(first,
                storyboards.toString());

        assertThat(again).last().asString().endsWith("sh010.reelhub.json");
        assertThat(Files.getLastModifiedTime(sheet)).isEqualTo(before);
        assertThat(version().resolve("sh010.reelhub.json")).hasBinaryContent(manifest);
        assertThat(Files.getLastModifiedTime(first.clip().resolveSibling("storyboard-package/package.json")))
                .as("the package was not built again").isEqualTo(built);
    }

    @Test
    void differentContentAtADeliveredNameFailsNamingItAndWritesNothing() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other-storyboards"));
        writer.deliver(first, other.toString());
        Path keyframe = other.resolve("acme-spring/neon-street/v001/sh010_kf02.png");
        Files.write(keyframe, new byte[] {1, 2, 3});
        Path manifest = other.resolve("acme-spring/neon-street/v001/sh010.reelhub.json");
        Files.delete(manifest);

        assertThatThrownBy(() -> writer.deliver(first, other.toString()))
                .isInstanceOf(DeliveredVersionConflictException.class).hasMessageContaining("sh010_kf02.png")
                .hasMessageContaining("never overwritten");
        assertThat(keyframe).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(manifest).doesNotExist();
    }

    @Test
    void aStoryboardsFolderThatIsNotThereFailsBeforeAnyMediaWork() throws Exception {
        Delivery fresh = PackageClips.delivery(tmp.resolve("work"), "job-unmounted", "pre-production", "sh010", 1,
                320, 180, 1);

        assertThatThrownBy(() -> writer.deliver(fresh, tmp.resolve("not-mounted").toString()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("the storyboards folder does not exist");
        assertThat(fresh.clip().resolveSibling("storyboard-package")).doesNotExist();
        assertThatThrownBy(() -> writer.deliver(fresh, " ")).hasMessageContaining("storyboardsDir is required");
    }
}
