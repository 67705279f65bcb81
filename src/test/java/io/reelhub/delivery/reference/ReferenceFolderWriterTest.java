package io.reelhub.delivery.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelhub.delivery.Delivery;
import io.reelhub.delivery.storyboard.LedgerFixtures;
import io.reelhub.delivery.storyboard.PackageClips;
import io.reelhub.media.ContactSheet;
import io.reelhub.media.KeyframeExtractor;

/** A production clip's shooting reference, built by the real media toolkit and delivered into a references folder. */
class ReferenceFolderWriterTest {

    @TempDir
    static Path tmp;

    private static final LedgerFixtures LEDGER = LedgerFixtures.create();
    private static ReferenceFolderWriter writer;
    private static Delivery delivery;
    private static Path references;
    private static List<String> written;

    @BeforeAll
    static void deliver() throws Exception {
        String job = LEDGER.single(LedgerFixtures.brief("neon-street", "production"), 3,
                LedgerFixtures.spec("sh010", 2, 42L));
        writer = new ReferenceFolderWriter(new ReferencePackager(LEDGER.outlines(),
                new KeyframeExtractor(PackageClips.BINARIES), new ContactSheet(), 3), Clock.systemUTC());
        references = Files.createDirectories(tmp.resolve("references"));
        delivery = PackageClips.delivery(tmp.resolve("work"), job, "production", "sh010", 3, 640, 360, 2);
        written = writer.deliver(delivery, references.toString());
    }

    private static Path version() {
        return references.resolve("acme-spring/neon-street/v003");
    }

    @Test
    void theClipKeyframesAndReferenceSheetAreDeliveredWithTheManifestLast() throws Exception {
        assertThat(written).containsExactly(version().resolve("sh010_v003.mp4").toString(),
                version().resolve("sh010_kf01.png").toString(), version().resolve("sh010_kf02.png").toString(),
                version().resolve("sh010_kf03.png").toString(), version().resolve("sh010_reference.pdf").toString(),
                version().resolve("sh010.reelhub.json").toString());
        assertThat(version().resolve("sh010_v003.mp4")).hasSameBinaryContentAs(delivery.clip());
        JsonNode manifest = new ObjectMapper().readTree(version().resolve("sh010.reelhub.json").toFile());
        assertThat(manifest.path("kind").asText()).isEqualTo("reference");
        assertThat(manifest.path("version_label").asText()).isEqualTo("v003");
        assertThat(manifest.path("files").get(0).path("name").asText()).isEqualTo("sh010_v003.mp4");
        assertThat(manifest.path("files").get(0).path("size_bytes").asLong()).isEqualTo(Files.size(delivery.clip()));
    }

    @Test
    void theReferenceSheetLeadsWithTheCameraLightingAndActionNotesFromTheBrief() throws Exception {
        String text;
        try (PDDocument pdf = Loader.loadPDF(version().resolve("sh010_reference.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }

        assertThat(text).contains("Shooting reference").contains("neon-street v003, shot sh010")
                .contains("Camera Anamorphic 35mm; shallow depth of field")
                .contains("Lighting").contains("teal-orange grade")
                .contains("Action She walks toward camera")
                .contains("AI-generated").contains("trainedAlgorithmicMedia");
        assertThat(text.indexOf("Camera")).isLessThan(text.indexOf("Brief: Scene"));
    }

    @Test
    void anIdenticalReDeliveryWritesNothingAndAMissingFolderFailsClearly() throws Exception {
        byte[] manifest = Files.readAllBytes(version().resolve("sh010.reelhub.json"));

        assertThat(writer.deliver(delivery, references.toString())).isEqualTo(written);
        assertThat(version().resolve("sh010.reelhub.json")).hasBinaryContent(manifest);
        assertThatThrownBy(() -> writer.deliver(delivery, tmp.resolve("nowhere").toString()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("the references folder does not exist");
    }
}
