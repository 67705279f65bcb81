package io.reelhub.intake.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.brief.Problem;
import io.reelhub.intake.BriefIntake;
import io.reelhub.intake.IntakeOutcome;
import io.reelhub.intake.RejectionReport;

/**
 * The S3 intake's decisions, with an in-memory bucket, the real ledger on H2 and the brief intake stubbed: what is
 * handed to the intake (once), where each object goes, and what is written beside it.
 */
class S3IntakeTest {

    private static final String PREFIX = "incoming/";
    private static final int MAX_ATTEMPTS = 3;
    private static final long MAX_BYTES = 1024;
    private static DriverManagerDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();
    private final MemoryBucket bucket = new MemoryBucket();
    private final BriefIntake briefs = mock(BriefIntake.class);
    private String bucketName;
    private S3Intake intake;

    @BeforeAll
    static void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:s3intake;DB_CLOSE_DELAY=-1", "sa", "");
        S3ObjectLedgerContract.migrate(dataSource, "PUBLIC");
    }

    @BeforeEach
    void newIntake() {
        // a bucket of its own per test, so the shared ledger never recognises another test's objects
        bucketName = "briefs-" + UUID.randomUUID().toString().substring(0, 8);
        intake = intakeOf("node-1");
    }

    private S3Intake intakeOf(String node) {
        S3IntakeProperties settings = new S3IntakeProperties(true, bucketName, PREFIX, null, null, true, null, null,
                MAX_ATTEMPTS, null);
        return new S3Intake(briefs, new RejectionReport(json), new QuarantineReport(json),
                new S3ObjectLedger(new JdbcTemplate(dataSource), json, Clock.systemUTC()), bucket,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), settings, MAX_BYTES, node);
    }

    @Test
    void anAcceptedBriefIsHandedOverWithItsSourceAndMovesToProcessed() {
        byte[] brief = bytes("brief: 1\n");
        answer(IntakeOutcome.Status.ACCEPTED);

        drop("incoming/spot.yaml", brief);

        verify(briefs).accept(brief, brief.length, "spot.yaml", "s3:" + bucketName + "/incoming/spot.yaml");
        assertThat(bucket.keys()).containsExactly("incoming/processed/spot.yaml");
        assertThat(bucket.get("incoming/processed/spot.yaml")).isEqualTo(brief);
    }

    @Test
    void aRejectedBriefMovesToFailedAfterItsReportsAreWrittenBesideIt() throws Exception {
        byte[] brief = bytes("brief: 1\nproject: Bad Name\n");
        when(briefs.accept(any(), anyLong(), anyString(), anyString())).thenReturn(new IntakeOutcome(
                IntakeOutcome.Status.REJECTED, "job-9", "unknown", "unknown", 0,
                List.of(new Problem("project", "'Bad Name' is not a valid id")), List.of()));

        drop("incoming/bad.yaml", brief);

        assertThat(bucket.keys()).containsExactlyInAnyOrder("incoming/failed/bad.yaml",
                "incoming/failed/bad.yaml.error.json", "incoming/failed/bad.yaml.error.txt");
        assertThat(bucket.get("incoming/failed/bad.yaml")).isEqualTo(brief);
        assertThat(bucket.operations()).containsSubsequence("put incoming/failed/bad.yaml.error.json",
                "put incoming/failed/bad.yaml.error.txt", "move incoming/bad.yaml -> incoming/failed/bad.yaml");
        JsonNode report = json.readTree(bucket.get("incoming/failed/bad.yaml.error.json"));
        assertThat(report.path("file").asText()).isEqualTo("bad.yaml");
        assertThat(report.path("errors").get(0).path("path").asText()).isEqualTo("project");
        assertThat(text("incoming/failed/bad.yaml.error.txt")).contains("project: 'Bad Name' is not a valid id");
    }

    @Test
    void aNameAlreadyInProcessedIsKeptAndTheNewObjectGetsAStampedName() {
        bucket.objects.put(bucketName + "|incoming/processed/spot.yaml", bytes("an older spot"));
        answer(IntakeOutcome.Status.ACCEPTED);

        drop("incoming/spot.yaml", bytes("brief: 1\n"));

        assertThat(bucket.get("incoming/processed/spot.yaml")).isEqualTo(bytes("an older spot"));
        assertThat(bucket.keys()).anyMatch(key -> key.matches("incoming/processed/spot-\\d{8}-\\d{6}\\.yaml"));
    }

    @Test
    void anObjectWhoseDeleteFailedIsOnlyMovedWhenListedAgainNeverTakenInTwice() {
        byte[] brief = bytes("brief: 1\n");
        answer(IntakeOutcome.Status.ACCEPTED);
        bucket.failDeletes = 1;

        drop("incoming/spot.yaml", brief);
        assertThat(bucket.keys()).as("copied, not deleted")
                .containsExactlyInAnyOrder("incoming/spot.yaml", "incoming/processed/spot.yaml");
        drop("incoming/spot.yaml", brief);

        verify(briefs, times(1)).accept(any(), anyLong(), anyString(), anyString());
        assertThat(bucket.keys()).containsExactly("incoming/processed/spot.yaml");
    }

    @Test
    void anObjectThatKeepsFailingIsSetAsideWithTheLastErrorAfterTheLastAttempt() {
        byte[] brief = bytes("brief: 1\n");
        answer(IntakeOutcome.Status.DUPLICATE);
        bucket.failCopiesTo = "incoming/processed/";

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            drop("incoming/stuck.yaml", brief);
            assertThat(bucket.keys()).as("attempt " + attempt).containsExactly("incoming/stuck.yaml");
        }
        drop("incoming/stuck.yaml", brief);

        assertThat(bucket.keys()).containsExactlyInAnyOrder("incoming/failed/stuck.yaml",
                "incoming/failed/stuck.yaml.error.json", "incoming/failed/stuck.yaml.error.txt");
        assertThat(text("incoming/failed/stuck.yaml.error.txt")).contains("set aside after 3 attempts")
                .contains("copy refused").contains("a duplicate of an earlier brief (job job-1)");
        verify(briefs, times(1)).accept(any(), anyLong(), anyString(), anyString());
    }

    @Test
    void anIntakeThatFailsIsAskedAgainOnTheNextPoll() {
        byte[] brief = bytes("brief: 1\n");
        when(briefs.accept(any(), anyLong(), anyString(), anyString()))
                .thenThrow(new IllegalStateException("database unavailable"))
                .thenReturn(outcome(IntakeOutcome.Status.ACCEPTED));

        drop("incoming/spot.yaml", brief);
        assertThat(bucket.keys()).containsExactly("incoming/spot.yaml");
        drop("incoming/spot.yaml", brief);

        assertThat(bucket.keys()).containsExactly("incoming/processed/spot.yaml");
    }

    @Test
    void onlyTheHeadOfAnOversizedObjectIsReadAndItsRealSizeIsPassedOn() {
        answer(IntakeOutcome.Status.REJECTED);
        long size = 200L * 1024 * 1024;
        CountingStream body = new CountingStream(size);
        bucket.objects.put(bucketName + "|incoming/huge.yaml", bytes("(200 MB)"));

        intake.accept(S3ObjectRef.of(bucketName, "incoming/huge.yaml", "e1"), size, body);

        verify(briefs).accept(org.mockito.ArgumentMatchers.argThat(head -> head.length == MAX_BYTES + 1),
                eq(size), eq("huge.yaml"), anyString());
        assertThat(body.read).isEqualTo(MAX_BYTES + 1);
        assertThat(bucket.keys()).contains("incoming/failed/huge.yaml");
    }

    @Test
    void keysOutsideThePrefixOrInItsSubFoldersAreNotBriefs() {
        assertThat(intake.briefName("incoming/spot.yaml")).isEqualTo("spot.yaml");
        assertThat(intake.briefName("incoming/")).isNull();
        assertThat(intake.briefName("incoming/processed/spot.yaml")).isNull();
        assertThat(intake.briefName("other/spot.yaml")).isNull();

        drop("incoming/refs/frame.png", bytes("png"));
        verify(briefs, never()).accept(any(), anyLong(), anyString(), anyString());
    }

    @Test
    void anObjectAnotherNodeIsWorkingOnIsLeftAlone() {
        S3ObjectRef object = S3ObjectRef.of(bucketName, "incoming/spot.yaml", "e1");
        new S3ObjectLedger(new JdbcTemplate(dataSource), json, Clock.systemUTC())
                .claim(object, 9, "node-2", java.time.Duration.ofMinutes(10));
        bucket.objects.put(bucketName + "|incoming/spot.yaml", bytes("brief: 1\n"));

        intake.accept(object, 9, new ByteArrayInputStream(bytes("brief: 1\n")));

        verify(briefs, never()).accept(any(), anyLong(), anyString(), anyString());
        assertThat(bucket.keys()).containsExactly("incoming/spot.yaml");
    }

    private void drop(String key, byte[] content) {
        bucket.objects.put(bucketName + "|" + key, content);
        intake.accept(S3ObjectRef.of(bucketName, key, "\"" + Integer.toHexString(java.util.Arrays.hashCode(content))
                + "\""), content.length, new ByteArrayInputStream(content));
    }

    private void answer(IntakeOutcome.Status status) {
        when(briefs.accept(any(), anyLong(), anyString(), anyString())).thenReturn(outcome(status));
    }

    private static IntakeOutcome outcome(IntakeOutcome.Status status) {
        return new IntakeOutcome(status, "job-1", "p", "b", status == IntakeOutcome.Status.REJECTED ? 0 : 1,
                status == IntakeOutcome.Status.REJECTED ? List.of(new Problem("", "too large")) : List.of(),
                List.of());
    }

    private String text(String key) {
        return new String(bucket.get(key), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A bucket in memory that records what was done to it and can refuse copies and deletes. */
    private final class MemoryBucket implements IntakeBucket {
        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        private final List<String> operations = new ArrayList<>();
        int failDeletes;
        String failCopiesTo;

        @Override
        public boolean exists(String bucket, String key) {
            return objects.containsKey(bucket + "|" + key);
        }

        @Override
        public void put(String bucket, String key, byte[] content, String contentType) {
            operations.add("put " + key);
            objects.put(bucket + "|" + key, content);
        }

        @Override
        public void move(String bucket, String fromKey, String toKey) {
            operations.add("move " + fromKey + " -> " + toKey);
            if (failCopiesTo != null && toKey.startsWith(failCopiesTo)) {
                throw new IllegalStateException("copy refused");
            }
            objects.put(bucket + "|" + toKey, objects.get(bucket + "|" + fromKey));
            if (failDeletes-- > 0) {
                throw new IllegalStateException("delete refused");
            }
            objects.remove(bucket + "|" + fromKey);
        }

        List<String> keys() {
            return objects.keySet().stream().filter(k -> k.startsWith(bucketName + "|"))
                    .map(k -> k.substring(bucketName.length() + 1)).sorted().toList();
        }

        byte[] get(String key) {
            return objects.get(bucketName + "|" + key);
        }

        List<String> operations() {
            return operations;
        }
    }

    /** {@code size} bytes that exist only as they are read; counts how many were. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (int) (read++ & 0x7f) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            read += n;
            return n;
        }
    }
}
