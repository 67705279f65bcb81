package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceImagesTest {

    @TempDir
    Path home;

    @Test
    void anImageKeepsItsNameAndOtherContentUnderTheSameNameGetsANumber() throws Exception {
        ReferenceImages images = new ReferenceImages(home.resolve("references"));

        Path first = images.store("acme", "spot", image("ref.png", new byte[] {1}));
        Path second = images.store("acme", "spot", image("ref.png", new byte[] {2}));
        Path again = images.store("acme", "spot", image("ref.png", new byte[] {1}));

        assertThat(first).isEqualTo(home.resolve("references/acme/spot/ref.png")).hasBinaryContent(new byte[] {1});
        assertThat(second).isEqualTo(home.resolve("references/acme/spot/ref-2.png")).hasBinaryContent(new byte[] {2});
        assertThat(again).as("the same content is found, not copied twice").isEqualTo(first);
    }

    @Test
    void aNameCannotLeaveTheBriefsFolderOrHideTheFile() throws Exception {
        ReferenceImages images = new ReferenceImages(home.resolve("references"));
        Path stored = images.store("acme", "spot", image("../../..\\evil:name.png", new byte[] {3}));
        assertThat(stored.getParent()).isEqualTo(home.resolve("references/acme/spot"));
        assertThat(stored.getFileName().toString()).doesNotStartWith(".").doesNotContain("/", "\\", ":");
    }

    private MailParts.Image image(String name, byte[] content) throws Exception {
        Path file = Files.createTempFile(home, "image", ".bin");
        Files.write(file, content);
        return new MailParts.Image(name, 1, file, content.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }
}
