package io.reelhub.intake.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.FaultyS3;
import io.reelhub.support.HubTest;
import io.reelhub.support.S3MockServer;
import io.reelhub.support.TempHome;

/**
 * The S3 channel against a real S3 server (S3Mock as its own process): briefs uploaded under {@code incoming/}
 * become delivered jobs and move to {@code incoming/processed/}; bad objects end in {@code incoming/failed/} beside
 * their reports, untouched; half-done moves, huge objects and objects that keep failing cost neither a second
 * generation, nor memory, nor the other objects' turn.
 */
@HubTest
@Import(S3IntakeIT.WrappedClient.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3IntakeIT {

    private static final String HOME = TempHome.create("s3-intake").toString();
    private static final S3MockServer S3 = S3MockServer.start("briefs");
    private static final FaultyS3 FAULTS = new FaultyS3();
    private static final String BUCKET = "briefs";
    private static final String PROJECT = "s3-intake";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
        registry.add("reelhub.intake.s3.enabled", () -> "true");
        registry.add("reelhub.intake.s3.bucket", () -> BUCKET);
        registry.add("reelhub.intake.s3.prefix", () -> "incoming/");
        registry.add("reelhub.intake.s3.endpoint", S3::endpoint);
        registry.add("reelhub.intake.s3.force-path-style", () -> "true");
        registry.add("reelhub.intake.s3.access-key", () -> S3MockServer.ACCESS_KEY);
        registry.add("reelhub.intake.s3.secret-key", () -> S3MockServer.SECRET_KEY);
        registry.add("reelhub.intake.s3.poll-interval-ms", () -> "200");
        // two per poll, so a head of three failing objects fills whole listings
        registry.add("reelhub.intake.s3.max-per-poll", () -> "2");
        registry.add("reelhub.intake.s3.max-attempts", () -> "3");
    }

    /** The hub's own client, with the faults this test arms. */
    @TestConfiguration(proxyBeanMethods = false)
    static class WrappedClient {
        @Bean
        static BeanPostProcessor faultyIntakeClient() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return "s3IntakeClient".equals(name) ? FAULTS.wrap((S3Client) bean) : bean;
                }
            };
        }
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    SandboxCounters counters;
    @Autowired
    CamelContext camel;

    private final S3Client s3 = S3.client();

    @AfterAll
    void stopS3() throws Exception {
        // the route first, so it does not poll a server that is going away
        camel.getRouteController().stopRoute("intake-s3");
        S3.close();
        System.out.println("S3Mock start time: " + S3.startTime().toMillis() + " ms");
    }

    @Test
    void aNewObjectBecomesADeliveredJobAndMovesToProcessed() throws Exception {
        byte[] brief = brief("harbour", "veo-3.1");
        put("incoming/harbour.yaml", brief);
        put("incoming/refs/not-a-brief.txt", "a file in a sub-folder".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).until(() -> state("harbour").equals("DELIVERED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !exists("incoming/harbour.yaml"));

        assertThat(read("incoming/processed/harbour.yaml")).isEqualTo(brief);
        assertThat(job("harbour").path("source").asText()).isEqualTo("s3:briefs/incoming/harbour.yaml");
        assertThat(exists("incoming/refs/not-a-brief.txt")).as("files in sub-folders are not briefs").isTrue();
        JsonNode channel = rest.getForObject("/actuator/health", JsonNode.class)
                .path("components").path("intake").path("details").path("intake-s3");
        assertThat(channel.path("status").asText()).isEqualTo("UP");
        assertThat(channel.path("lastSuccess").asText()).isNotBlank();
    }

    @Test
    void anObjectListedAgainAfterItsDeleteFailedIsGeneratedOnlyOnce() throws Exception {
        long before = counters.snapshot().totalSubmissions();
        byte[] brief = brief("relisted", "veo-3.1");
        FAULTS.failDelete("incoming/relisted.yaml", 1);
        put("incoming/relisted.yaml", brief);

        await().atMost(Duration.ofSeconds(60)).until(() -> state("relisted").equals("DELIVERED")
                && !exists("incoming/relisted.yaml"));
        assertThat(FAULTS.deleteFailures("incoming/relisted.yaml")).as("the copy succeeded, the delete failed")
                .isEqualTo(1);

        // the same bytes uploaded again under the same key: the same object version, only moved again
        put("incoming/relisted.yaml", brief);
        await().atMost(Duration.ofSeconds(20)).until(() -> !exists("incoming/relisted.yaml"));

        assertThat(read("incoming/processed/relisted.yaml")).isEqualTo(brief);
        assertThat(keysUnder("incoming/processed/relisted")).containsExactly("incoming/processed/relisted.yaml");
        assertThat(jobs("relisted")).hasSize(1);
        assertThat(counters.snapshot().totalSubmissions() - before).as("paid generations").isEqualTo(1);
    }

    @Test
    void anInvalidBriefEndsInFailedBesideItsReportsWithTheOriginalIntact() throws Exception {
        byte[] broken = "brief: 1\nproject: [unclosed\n  id: x: y\n".getBytes(StandardCharsets.UTF_8);
        put("incoming/broken.yaml", broken);

        await().atMost(Duration.ofSeconds(20)).until(() -> exists("incoming/failed/broken.yaml.error.txt")
                && exists("incoming/failed/broken.yaml") && !exists("incoming/broken.yaml"));

        assertThat(read("incoming/failed/broken.yaml")).as("the original, byte for byte").isEqualTo(broken);
        assertThat(new String(read("incoming/failed/broken.yaml.error.txt"), StandardCharsets.UTF_8))
                .contains("rejected").containsIgnoringCase("line");
        JsonNode report = json.readTree(read("incoming/failed/broken.yaml.error.json"));
        assertThat(report.path("file").asText()).isEqualTo("broken.yaml");
        assertThat(report.path("errors")).isNotEmpty();
    }

    @Test
    void a200MegabyteObjectIsRefusedWithItsRealSizeWithoutBeingReadIntoMemory() throws Exception {
        long size = 200L * 1024 * 1024;
        // uploaded outside the prefix first, so the upload's own buffers are not counted against the hub
        s3.putObject(put -> put.bucket(BUCKET).key("staging/huge.yaml"),
                RequestBody.fromContentProvider(() -> new FillerStream(size), size, "application/x-yaml"));
        String etag = s3.headObject(head -> head.bucket(BUCKET).key("staging/huge.yaml")).eTag();
        HeapWatch heap = HeapWatch.start();
        Thread consumer = consumerThread();
        long allocatedBefore = allocated(consumer);
        long handlingStarted = System.nanoTime();

        s3.copyObject(copy -> copy.sourceBucket(BUCKET).sourceKey("staging/huge.yaml").destinationBucket(BUCKET)
                .destinationKey("incoming/huge.yaml"));
        await().atMost(Duration.ofSeconds(60)).until(() -> exists("incoming/failed/huge.yaml.error.txt")
                && exists("incoming/failed/huge.yaml") && !exists("incoming/huge.yaml"));

        long handlingMillis = Duration.ofNanos(System.nanoTime() - handlingStarted).toMillis();
        long consumerAllocated = allocated(consumer) - allocatedBefore;
        long peakGrowth = heap.stop();
        System.out.printf("200 MB object: refused in %d ms; S3 consumer thread allocated %.1f MB;"
                + " peak heap growth %.1f MB%n", handlingMillis, consumerAllocated / 1e6, peakGrowth / 1e6);
        assertThat(consumerAllocated).as("bytes allocated by the S3 consumer thread").isLessThan(32L << 20);
        assertThat(peakGrowth).as("peak heap growth while the object was handled").isLessThan(100L << 20);

        HeadObjectResponse kept = s3.headObject(head -> head.bucket(BUCKET).key("incoming/failed/huge.yaml"));
        assertThat(kept.contentLength()).isEqualTo(size);
        assertThat(kept.eTag()).as("the original, untouched").isEqualTo(etag);
        assertThat(new String(read("incoming/failed/huge.yaml.error.txt"), StandardCharsets.UTF_8))
                .contains("the file is 209715200 bytes; the limit is 1048576 bytes");
    }

    @Test
    void objectsThatKeepFailingAreSetAsideAfterThreeAttemptsAndNeverBlockTheOthers() throws Exception {
        // three copies of one valid brief whose move to processed/ always fails, listed before a good brief
        FAULTS.failCopies(copy -> copy.destinationKey().startsWith("incoming/processed/a-poison"));
        byte[] poison = brief("poison", "veo-3.1");
        for (int i = 1; i <= 3; i++) {
            put("incoming/a-poison-" + i + ".yaml", poison);
        }
        byte[] good = brief("after-the-poison", "veo-3.1");
        put("incoming/z-good.yaml", good);

        await().atMost(Duration.ofSeconds(30)).until(() -> exists("incoming/processed/z-good.yaml"));
        assertThat(keysUnder("incoming/a-poison")).as("still being retried while the good one went through")
                .hasSize(3);

        await().atMost(Duration.ofSeconds(60)).until(() -> keysUnder("incoming/a-poison").isEmpty());
        for (int i = 1; i <= 3; i++) {
            String failed = "incoming/failed/a-poison-" + i + ".yaml";
            assertThat(read(failed)).isEqualTo(poison);
            String report = new String(read(failed + ".error.txt"), StandardCharsets.UTF_8);
            assertThat(report).contains("set aside after 3 attempts").contains("injected failure of CopyObject")
                    .contains("Do not upload it again");
            assertThat(json.readTree(read(failed + ".error.json")).path("attempts").asInt()).isEqualTo(3);
        }
        assertThat(FAULTS.copyFailures()).isGreaterThanOrEqualTo(9);
        await().atMost(Duration.ofSeconds(60)).until(() -> state("poison").equals("DELIVERED")
                && state("after-the-poison").equals("DELIVERED"));
        assertThat(jobs("poison")).as("three copies of one brief, one job").hasSize(1);
    }

    private static byte[] brief(String id, String model) {
        return """
                brief: 1
                id: %s
                project: %s
                stage: post-production
                model: %s
                prompt:
                  scene: A quiet harbour at dawn, soft golden light
                  characters: An old fisherman in a yellow raincoat, grey beard
                  action: He coils a rope, then looks up as gulls pass overhead
                  tone: Calm, unhurried
                  style: 35mm film, natural light
                params: {seconds: 4, aspect: "16:9", resolution: 720p}
                """.formatted(id, PROJECT, model).getBytes(StandardCharsets.UTF_8);
    }

    private void put(String key, byte[] content) {
        s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
    }

    private byte[] read(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key)).asByteArray();
    }

    private boolean exists(String key) {
        try {
            s3.headObject(head -> head.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private List<JsonNode> jobs(String briefId) {
        JsonNode all = rest.getForObject("/api/jobs?project=" + PROJECT, JsonNode.class);
        List<JsonNode> found = new java.util.ArrayList<>();
        all.forEach(job -> {
            if (briefId.equals(job.path("briefId").asText())) {
                found.add(job);
            }
        });
        return found;
    }

    private JsonNode job(String briefId) {
        List<JsonNode> found = jobs(briefId);
        return found.isEmpty() ? null : rest.getForObject("/api/jobs/" + found.get(0).path("id").asText(),
                JsonNode.class);
    }

    private String state(String briefId) {
        JsonNode job = job(briefId);
        return job == null ? "" : job.path("state").asText();
    }

    private static Thread consumerThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("aws2-s3")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no S3 consumer thread"));
    }

    private static long allocated(Thread thread) {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(thread.getId());
    }

    /** Samples the used heap every few milliseconds; reports the highest value over the baseline. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final long baseline;
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch(long baseline) {
            this.baseline = baseline;
            this.sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(used(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            System.gc();
            return new HeapWatch(used());
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return Math.max(0, peak.get() - baseline);
        }

        private static long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    /** {@code size} bytes of YAML comment lines, made up as they are read. */
    private static final class FillerStream extends InputStream {
        private static final byte[] LINE = "# filler filler filler filler filler filler filler filler filler\n"
                .getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;

        FillerStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position >= size ? -1 : LINE[(int) (position++ % LINE.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = LINE[(int) ((position + i) % LINE.length)];
            }
            position += n;
            return n;
        }
    }
}
