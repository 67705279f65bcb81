package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * Email intake against real SMTP and IMAP servers (GreenMail, in this JVM on free ports): the hub reads the
 * mailbox {@value #HUB_ADDRESS}, answers over SMTP, and each test checks what a sender and a mailbox owner would see:
 * the replies in the sender's mailbox, the mail in ReelHub/Processed or ReelHub/Failed, the clips in the bin and the
 * count of paid submissions.
 */
@HubTest
@ExtendWith(OutputCaptureExtension.class)
class MailIntakeIT {

    private static final Path HOME = TempHome.create("mail-intake");
    private static final String HUB_ADDRESS = "hub@reelhub.test";
    private static final String HUB_LOGIN = "hub";
    /** Characters that break a Camel endpoint URI unless the route passes the password RAW. */
    private static final String HUB_PASSWORD = "s3cr&t+pa%ss=w0rd";
    private static final String PRODUCER = "producer@acme.test";
    private static final String STRANGER = "someone@elsewhere.test";
    private static final int MAX_ATTEMPTS = 3;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.intake.mail.enabled", () -> "true");
        registry.add("reelhub.intake.mail.protocol", () -> "imap");
        registry.add("reelhub.intake.mail.host", () -> "127.0.0.1");
        registry.add("reelhub.intake.mail.port", () -> MAIL.getImap().getPort());
        registry.add("reelhub.intake.mail.username", () -> HUB_LOGIN);
        registry.add("reelhub.intake.mail.password", () -> HUB_PASSWORD);
        registry.add("reelhub.intake.mail.poll-interval-ms", () -> "300");
        registry.add("reelhub.intake.mail.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("reelhub.intake.mail.allowed-senders.mail-test", () -> "acme.test");
        registry.add("reelhub.intake.mail.reply-from", () -> HUB_ADDRESS);
        registry.add("reelhub.intake.mail.reply-interval-ms", () -> "300");
        registry.add("reelhub.intake.mail.smtp.protocol", () -> "smtp");
        registry.add("reelhub.intake.mail.smtp.host", () -> "127.0.0.1");
        registry.add("reelhub.intake.mail.smtp.port", () -> MAIL.getSmtp().getPort());
    }

    @BeforeAll
    static void mailboxes() {
        MAIL.setUser(HUB_ADDRESS, HUB_LOGIN, HUB_PASSWORD);
        MAIL.setUser(PRODUCER, "producer", "producer");
        MAIL.setUser(STRANGER, "someone", "someone");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxCounters counters;

    @Test
    void aYamlBriefInTheMailTextIsDeliveredAndTheSenderIsToldOnAcceptanceAndOnDelivery() throws Exception {
        String id = "<yaml-body.1@acme.test>";
        send(TestMails.from(PRODUCER, HUB_ADDRESS, id).subject("Neon street by mail")
                .text("Hi,\n\nthe brief:\n\n" + brief("mail-yaml", 4) + "\nThanks\n-- \nThe producer\n"));

        MimeMessage accepted = replyTo(id, "accepted as v001");
        assertThat(accepted.getSubject()).isEqualTo("Re: Neon street by mail");
        assertThat(accepted.getHeader("References")[0]).contains(id);
        assertThat(accepted.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        String jobId = jobOf("mail-yaml");
        assertThat(body(accepted)).contains(jobId);

        MimeMessage delivered = replyTo(id, "is DELIVERED");
        assertThat(body(delivered)).contains("bins/mail-test/mail-yaml/sh010_v001.mp4").contains(jobId);
        assertThat(HOME.resolve("bins/mail-test/mail-yaml/sh010_v001.mp4")).isNotEmptyFile();
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Processed").contains(id));
        assertThat(folder("INBOX")).doesNotContain(id);
    }

    @Test
    void aPlainTextBriefTakesTheSendersOnlyProjectAndItsIdFromTheSubject() throws Exception {
        String id = "<plain-text.1@acme.test>";
        send(TestMails.from(PRODUCER, HUB_ADDRESS, id).subject("Re: Harbour at dawn").text("""
                Hello team,

                Scene: A quiet fishing harbour at dawn, soft golden light on
                wet stone, gulls circling
                Characters: An old fisherman in a yellow raincoat and grey beard
                Action: He coils a rope, then looks up at the horizon
                Tone: Calm, hopeful
                Style: 35mm film, slow dolly along the pier
                Seconds: 4

                Best,
                -- \s
                Bob
                """));

        MimeMessage accepted = replyTo(id, "accepted as v001");
        assertThat(body(accepted)).contains("Brief harbour-at-dawn (the mail text, project mail-test)");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(stateOf("harbour-at-dawn")));
        String prompt = jdbc.queryForObject("select brief_json from jobs where brief_id = 'harbour-at-dawn'",
                String.class);
        assertThat(prompt).contains("soft golden light on wet stone, gulls circling").doesNotContain("Best");
    }

    @Test
    void aBriefAttachedAsAFileIsAccepted() throws Exception {
        String id = "<attachment.1@acme.test>";
        send(TestMails.from(PRODUCER, HUB_ADDRESS, id).subject("Spot").attach("spot.yaml", brief("mail-spot", 4)));

        assertThat(body(replyTo(id, "accepted as v001"))).contains("Brief mail-spot (attachment spot.yaml");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(stateOf("mail-spot")));
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Processed").contains(id));
    }

    @Test
    void aBadBriefIsAnsweredWithEveryErrorAndItsPathAndTheMailIsKeptInFailed() throws Exception {
        quiet();
        long before = counters.snapshot().totalSubmissions();
        String id = "<bad-brief.1@acme.test>";
        send(TestMails.from(PRODUCER, HUB_ADDRESS, id).subject("Broken").attach("broken.yaml", """
                brief: 1
                id: mail-broken
                project: mail-test
                prompt:
                  scene: A street
                params:
                  resolution: 9000p
                  seed: -4
                """));

        String reply = body(replyTo(id, "REJECTED"));
        assertThat(reply).contains("params.resolution: '9000p' is not a resolution")
                .contains("params.seed: seed must be between 0 and");
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Failed").contains(id));
        assertThat(folder("INBOX")).doesNotContain(id);
        assertThat(counters.snapshot().totalSubmissions()).isEqualTo(before);
    }

    @Test
    void theSameMailDeliveredTwiceIsGeneratedOnceAndAnsweredOnce() throws Exception {
        quiet();
        long before = counters.snapshot().totalSubmissions();
        String id = "<twice.1@acme.test>";
        TestMails mail = TestMails.from(PRODUCER, HUB_ADDRESS, id).subject("Twice")
                .attach("twice.yaml", brief("mail-twice", 4));
        send(mail);
        send(mail);

        replyTo(id, "is DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Processed").stream()
                .filter(id::equals).count() == 2);
        assertThat(counters.snapshot().totalSubmissions() - before).isEqualTo(1);
        assertThat(replies(id)).hasSize(2); // one acceptance, one delivery
        assertThat(jdbc.queryForObject("select count(*) from jobs where brief_id = 'mail-twice'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void twoAttachmentsWithTheSameNameAreBothKept() throws Exception {
        String id = "<same-names.1@acme.test>";
        byte[] first = png(1);
        byte[] second = png(2);
        send(TestMails.from(PRODUCER, HUB_ADDRESS, id).subject("Same names")
                .attach("brief.yaml", brief("mail-same-a", 4))
                .attach("brief.yaml", brief("mail-same-b", 4))
                .attach("ref.png", first, "image/png")
                .attach("ref.png", second, "image/png"));

        String reply = body(replyTo(id, "2 briefs accepted"));
        assertThat(reply).contains("attachment brief.yaml,").contains("attachment brief.yaml#2");
        assertThat(jobOf("mail-same-a")).isNotNull();
        assertThat(jobOf("mail-same-b")).isNotNull();
        for (String brief : List.of("mail-same-a", "mail-same-b")) {
            Path folder = HOME.resolve("references/mail-test/" + brief);
            assertThat(folder.resolve("ref.png")).hasBinaryContent(first);
            assertThat(folder.resolve("ref-2.png")).hasBinaryContent(second);
        }
    }

    @Test
    void aTwentyMegabyteImageIsStoredAndATwentyMegabyteBriefIsRefusedAsTooLarge() throws Exception {
        quiet();
        long before = counters.snapshot().totalSubmissions();
        byte[] plate = new byte[20 * 1024 * 1024];
        new Random(20).nextBytes(plate);
        byte[] hugeBrief = new byte[20 * 1024 * 1024];
        Arrays.fill(hugeBrief, (byte) '#');
        String imageMail = "<big-image.1@acme.test>";
        String briefMail = "<big-brief.1@acme.test>";
        send(TestMails.from(PRODUCER, HUB_ADDRESS, imageMail).subject("Plate")
                .attach("plate.yaml", brief("mail-plate", 4)).attach("plate.png", plate, "image/png"));
        send(TestMails.from(PRODUCER, HUB_ADDRESS, briefMail).subject("Huge")
                .attach("huge.yaml", hugeBrief, "application/x-yaml"));
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long usedBefore = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = intakeThreadAllocatedBytes();
        long start = System.nanoTime();

        replyTo(imageMail, "accepted as v001");
        assertThat(body(replyTo(briefMail, "REJECTED")))
                .contains("the file is 20971520 bytes; the limit is 1048576 bytes");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("20 MB mails: both answered in %d ms; intake thread allocated %d MB; heap used %d MB"
                + " before, peak %d MB (GreenMail in the same JVM holds both mails)%n", tookMs,
                (intakeThreadAllocatedBytes() - allocatedBefore) >> 20, usedBefore >> 20, peak >> 20);

        Path stored = HOME.resolve("references/mail-test/mail-plate/plate.png");
        assertThat(Files.size(stored)).isEqualTo(plate.length);
        assertThat(sha256(Files.readAllBytes(stored))).isEqualTo(sha256(plate));
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Processed").contains(imageMail)
                && folder("ReelHub/Failed").contains(briefMail));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(stateOf("mail-plate")));
        assertThat(counters.snapshot().totalSubmissions() - before).isEqualTo(1);
    }

    @Test
    void aSenderOutsideTheAllowlistIsToldPolitelyAndNothingIsGenerated() throws Exception {
        quiet();
        long before = counters.snapshot().totalSubmissions();
        String id = "<stranger.1@elsewhere.test>";
        send(TestMails.from(STRANGER, HUB_ADDRESS, id).subject("Please render")
                .attach("free.yaml", brief("mail-stranger", 4)));

        MimeMessage reply = await().atMost(Duration.ofSeconds(30)).until(() -> replies(id).stream()
                .findFirst().orElse(null), m -> m != null);
        assertThat(reply.getAllRecipients()[0].toString()).isEqualTo(STRANGER);
        assertThat(body(reply)).contains("someone@elsewhere.test is not one of them").contains("nothing was generated");
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Failed").contains(id));
        assertThat(jdbc.queryForObject("select count(*) from jobs where brief_id = 'mail-stranger'", Integer.class))
                .isZero();
        assertThat(counters.snapshot().totalSubmissions()).isEqualTo(before);
    }

    @Test
    void aMailThatCannotBeReadIsGivenUpAfterItsAttemptsWhileTheNextMailFlows(CapturedOutput output)
            throws Exception {
        String poison = "<poison.1@acme.test>";
        String next = "<after-poison.1@acme.test>";
        send(TestMails.from(PRODUCER, HUB_ADDRESS, poison).subject("Poison").attachCorrupt("poison.yaml"));
        send(TestMails.from(PRODUCER, HUB_ADDRESS, next).subject("Next").attach("next.yaml", brief("mail-next", 4)));

        replyTo(next, "accepted as v001");
        String gaveUp = body(replyTo(poison, "could not read your mail"));
        assertThat(gaveUp).contains("after " + MAX_ATTEMPTS + " attempts");
        await().atMost(Duration.ofSeconds(10)).until(() -> folder("ReelHub/Failed").contains(poison));
        assertThat(jdbc.queryForObject("select attempts from mail_intake where message_id = ?", Integer.class,
                poison)).isEqualTo(MAX_ATTEMPTS + 1);
        assertThat(jdbc.queryForObject("select outcome from mail_intake where message_id = ?", String.class,
                poison)).isEqualTo("GAVE_UP");
        assertThat(output.getAll()).doesNotContain(HUB_PASSWORD);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String brief(String id, int seconds) {
        return """
                brief: 1
                id: %s
                project: mail-test
                stage: post-production
                model: veo-3.1
                prompt:
                  scene: Rain-soaked neon street in Tokyo at night, light drizzle
                  characters: A woman in her 30s, short black bob, red trench coat
                  action: She walks toward camera, then stops and looks up
                  tone: Tense, slow pacing
                  style: Anamorphic 35mm, shallow depth of field
                params:
                  seconds: %d
                  aspect: "16:9"
                  resolution: 720p
                """.formatted(id, seconds);
    }

    private static void send(TestMails mail) throws Exception {
        Session session = TestMails.smtp(MAIL.getSmtp().getPort());
        Transport.send(mail.build(session));
    }

    /** Replies in the senders' mailboxes that answer the mail with this Message-ID. */
    private static List<MimeMessage> replies(String messageId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            String[] inReplyTo = message.getHeader("In-Reply-To");
            if (inReplyTo != null && inReplyTo[0].equals(messageId)) {
                found.add(message);
            }
        }
        return found;
    }

    private static MimeMessage replyTo(String messageId, String containing) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MimeMessage reply : replies(messageId)) {
                if (body(reply).contains(containing)) {
                    return reply;
                }
            }
            return null;
        }, reply -> reply != null);
    }

    private static String body(MimeMessage message) throws Exception {
        return String.valueOf(message.getContent());
    }

    /** The Message-IDs in one of the hub's IMAP folders, as the mailbox owner would see them. */
    private static List<String> folder(String name) throws Exception {
        Properties properties = new Properties();
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", MAIL.getImap().getPort(), HUB_LOGIN, HUB_PASSWORD);
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<String> ids = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    if (!message.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        ids.add(message.getHeader("Message-ID")[0]);
                    }
                }
                return ids;
            } finally {
                folder.close(false);
            }
        }
    }

    private String jobOf(String briefId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id from jobs where brief_id = ? and parent_id is null", String.class, briefId).stream()
                .findFirst().orElse(null), job -> job != null);
    }

    private String stateOf(String briefId) {
        return jdbc.queryForList("select state from jobs where brief_id = ? and parent_id is null", String.class,
                briefId).stream().findFirst().orElse(null);
    }

    /** Waits until no job of an earlier test is still working, so the submission counter counts only this test. */
    private void quiet() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from jobs where"
                + " state not in ('DELIVERED', 'FAILED', 'REJECTED', 'CANCELLED')", Integer.class) == 0);
    }

    /** Bytes allocated so far by the mail consumer's thread (garbage included): an upper bound on what it held. */
    private static long intakeThreadAllocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("imap://"))
                .mapToLong(t -> threads.getThreadAllocatedBytes(t.getId())).sum();
    }

    private static byte[] png(int seed) {
        byte[] bytes = new byte[4096];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 'N';
        bytes[3] = 'G';
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
