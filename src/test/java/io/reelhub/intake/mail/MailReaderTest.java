package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailReaderTest {

    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    @TempDir
    Path work;

    private final MailReader reader = new MailReader(1024, 30L * 1024 * 1024);

    @Test
    void everyAttachmentIsKeptEvenWhenNamesRepeat() throws Exception {
        MimeMessage mail = TestMails.from("a@acme.test", "hub@x", "<1@x>").text("cover note")
                .attach("brief.yaml", "brief: 1\nid: a\n").attach("brief.yaml", "brief: 1\nid: b\n")
                .attach("ref.png", new byte[] {1, 2, 3}, "image/png").attach("REF.png", new byte[] {4}, "image/png")
                .attach("notes.pdf", new byte[] {9}, "application/pdf").build(SESSION);

        MailParts parts = reader.read(mail, work);

        assertThat(parts.body()).isEqualTo("cover note");
        assertThat(parts.all(MailParts.BriefFile.class)).extracting(MailParts.Attachment::label)
                .containsExactly("brief.yaml", "brief.yaml#2");
        assertThat(parts.all(MailParts.BriefFile.class)).extracting(f -> new String(f.prefix(), StandardCharsets.UTF_8))
                .containsExactly("brief: 1\nid: a\n", "brief: 1\nid: b\n");
        assertThat(parts.all(MailParts.Image.class)).extracting(MailParts.Attachment::label)
                .containsExactly("ref.png", "REF.png#2");
        assertThat(parts.all(MailParts.Image.class).get(0).file()).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(parts.all(MailParts.Other.class)).singleElement()
                .satisfies(other -> assertThat(other.contentType()).isEqualTo("application/pdf"));
    }

    @Test
    void aBriefOverTheLimitIsReadOnlyUpToTheLimitButReportedWithItsRealSize() throws Exception {
        byte[] big = new byte[5000];
        MimeMessage mail = TestMails.from("a@acme.test", "hub@x", "<2@x>")
                .attach("big.yaml", big, "application/x-yaml").build(SESSION);

        MailParts.BriefFile file = reader.read(mail, work).all(MailParts.BriefFile.class).get(0);

        assertThat(file.prefix()).hasSize(1025);
        assertThat(file.size()).isEqualTo(5000);
    }

    @Test
    void anImageOverTheLimitIsNotKept() throws Exception {
        MailReader small = new MailReader(1024, 100);
        MimeMessage mail = TestMails.from("a@acme.test", "hub@x", "<3@x>")
                .attach("plate.png", new byte[1000], "image/png").build(SESSION);

        MailParts.Image image = small.read(mail, work).all(MailParts.Image.class).get(0);

        assertThat(image.tooLarge()).isTrue();
        assertThat(image.size()).isEqualTo(1000);
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCorruptEncodingFailsTheReadSoTheMailIsTriedAgain() throws Exception {
        MimeMessage mail = TestMails.from("a@acme.test", "hub@x", "<4@x>").attachCorrupt("poison.yaml").build(SESSION);
        assertThatThrownBy(() -> reader.read(mail, work)).isInstanceOf(IOException.class);
    }

    @Test
    void anHtmlOnlyMailIsRecognised() throws Exception {
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setContent("<p>Scene: x</p>", "text/html; charset=UTF-8");
        mail.saveChanges();
        MailParts parts = reader.read(mail, work);
        assertThat(parts.body()).isNull();
        assertThat(parts.htmlOnly()).isTrue();
    }

    @Test
    void aTwentyMegabyteImageIsStreamedToDiskWithoutBeingHeldInMemory() throws Exception {
        byte[] plate = new byte[20 * 1024 * 1024];
        new Random(1).nextBytes(plate);
        Path eml = work.resolve("big.eml");
        try (OutputStream out = Files.newOutputStream(eml)) {
            TestMails.from("a@acme.test", "hub@x", "<5@x>").attach("plate.png", plate, "image/png").build(SESSION)
                    .writeTo(out);
        }
        plate = digest(plate).getBytes(StandardCharsets.US_ASCII); // drop the test's own copy

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        MailParts.Image image;
        try (SharedFileInputStream in = new SharedFileInputStream(eml.toFile())) {
            image = reader.read(new MimeMessage(SESSION, in), work.resolve("images"))
                    .all(MailParts.Image.class).get(0);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("reading a 20 MB image attachment allocated %d KB on the reading thread%n",
                allocated >> 10);

        assertThat(image.size()).isEqualTo(20 * 1024 * 1024);
        assertThat(image.sha256()).isEqualTo(new String(plate, StandardCharsets.US_ASCII));
        assertThat(allocated).as("bytes allocated while reading").isLessThan(4L * 1024 * 1024);
    }

    private static String digest(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
