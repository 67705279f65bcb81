package io.reelhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.support.HubTest;
import io.reelhub.support.Inbox;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.SlowWriter;
import io.reelhub.support.TempHome;

/**
 * What a post house drops by mistake: each bad file ends in {@code inbox/.failed/} byte for byte, beside a report
 * that names the problem; a file still being written is taken only once complete; nothing escapes the home.
 */
@HubTest
class BadInboxFilesTest {

    private static final Path HOME = TempHome.create("bad-inbox");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    private final Inbox inbox = new Inbox(HOME);

    @Test
    void anEmptyFileIsRejectedAsEmpty() throws Exception {
        assertRejected("empty.yaml", new byte[0], "empty");
    }

    @Test
    void binaryGarbageIsRejectedAsNotText() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertRejected("garbage.yaml", garbage, "text");
    }

    @Test
    void invalidYamlIsRejectedWithWhereItBroke() throws Exception {
        assertRejected("broken.yaml", "brief: 1\nproject: [unclosed\n  id: x: y\n".getBytes(StandardCharsets.UTF_8),
                "line");
    }

    @Test
    void aFiveMegabyteFileIsRejectedAsTooLargeWithoutBeingLost() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        assertRejected("huge.yaml", big, "the file is 5242880 bytes; the limit is 1048576 bytes");
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedAsSuch() throws Exception {
        byte[] latin1 = "brief: 1\nproject: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRejected("latin1.yaml", latin1, "UTF-8");
    }

    @Test
    void anIdThatTriesToLeaveTheHomeIsRejectedAndWritesNothingOutside() throws Exception {
        String brief = SampleBriefs.harbour("bad-inbox", "../../etc/x");
        assertRejected("escape.yaml", brief.getBytes(StandardCharsets.UTF_8), "id");

        assertThat(HOME.resolveSibling("etc")).doesNotExist();
        try (Stream<Path> bins = Files.walk(HOME.resolve("bins"))) {
            assertThat(bins.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aFileThatGrowsForThreeSecondsIsTakenOnlyOnceCompleteAndProcessedOnce() throws Exception {
        byte[] complete = SampleBriefs.harbourBytes("bad-inbox", "growing");
        Path target = inbox.path("growing.yaml");
        Files.createDirectories(target.getParent());
        long start = System.nanoTime();
        SlowWriter.write(target, complete, 32, Duration.ofMillis(100));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.done("growing.yaml"))
                || Files.exists(inbox.failed("growing.yaml")));
        assertThat(inbox.failed("growing.yaml")).doesNotExist();
        assertThat(Files.readAllBytes(inbox.done("growing.yaml"))).isEqualTo(complete);
        JsonNode jobs = rest.getForObject("/api/jobs?project=bad-inbox", JsonNode.class);
        assertThat(jobs.findValuesAsText("briefId")).containsOnlyOnce("growing");
        assertThat(jobs.findValuesAsText("state")).doesNotContain("REJECTED");
    }

    @Test
    void temporaryAndHiddenFilesAreNeverTaken() throws Exception {
        for (String name : new String[] {"copy.tmp", "upload.part", "download.crdownload", "~$brief.yaml",
                ".hidden.yaml"}) {
            Files.writeString(inbox.path(name), "brief: 1\n");
        }
        inbox.drop("marker.yaml", "brief: 1\n");
        // once a later file has been handled, the earlier temp files have been seen by several polls
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.failed("marker.yaml")));

        for (String name : new String[] {"copy.tmp", "upload.part", "download.crdownload", "~$brief.yaml",
                ".hidden.yaml"}) {
            assertThat(inbox.path(name)).as(name).exists();
            assertThat(inbox.failed(name)).as(name).doesNotExist();
        }
    }

    private void assertRejected(String name, byte[] content, String reportMentions) throws Exception {
        inbox.drop(name, content);

        Path failed = inbox.failed(name);
        Path report = inbox.failed(name + ".error.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(failed) && Files.exists(report));

        assertThat(Files.readAllBytes(failed)).as("the original is kept intact").isEqualTo(content);
        assertThat(Files.readString(report)).containsIgnoringCase(reportMentions);
        JsonNode errorJson = json.readTree(inbox.failed(name + ".error.json").toFile());
        assertThat(errorJson.path("errors")).isNotEmpty();
        assertThat(errorJson.path("file").asText()).isEqualTo(name);
        assertThat(inbox.path(name)).doesNotExist();
    }
}
