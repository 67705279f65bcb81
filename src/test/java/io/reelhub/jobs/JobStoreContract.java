package io.reelhub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What every database behind the ledger must do the same way: H2 by default, PostgreSQL in a cluster. */
abstract class JobStoreContract {

    abstract JobStore store();

    /** The database behind {@link #store()}, for tests that run the store inside transactions as intake does. */
    abstract DataSource dataSource();

    private static NewJob generation(String id) {
        return new NewJob(id, null, "acme", "spot-" + id, 1, "sh010", "post-production", "A spot",
                "folder:inbox/spot.yaml", "veo-3.1", "{\"shotId\":\"sh010\"}", "{}", "[]", new BigDecimal("1.60"));
    }

    private static String newId() {
        return "job-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aQueuedJobRecordsTheWholeWalkFromReceivedToQueued() {
        String id = newId();
        store().createQueued(generation(id), "received from test");

        assertThat(store().find(id)).get().extracting(Job::state).isEqualTo(JobState.QUEUED);
        assertThat(store().history(id)).extracting(JobTransition::to)
                .containsExactly(JobState.RECEIVED, JobState.VALIDATED, JobState.QUEUED);
        assertThat(store().history(id).get(0).reason()).isEqualTo("received from test");
    }

    @Test
    void theSameContentIsADuplicateAndNewContentTheNextVersion() {
        String brief = "b-" + newId();
        BriefVersion first = store().registerBriefVersion("acme", brief, "a".repeat(64), "folder:x");
        BriefVersion again = store().registerBriefVersion("acme", brief, "a".repeat(64), "folder:x");
        BriefVersion edited = store().registerBriefVersion("acme", brief, "b".repeat(64), "folder:x");

        assertThat(first).isEqualTo(new BriefVersion(1, false));
        assertThat(again).isEqualTo(new BriefVersion(1, true));
        assertThat(edited).isEqualTo(new BriefVersion(2, false));
    }

    @Test
    void editionsOfOneBriefArrivingAtOnceInTransactionsEachGetTheirOwnVersion() throws Exception {
        String brief = "b-" + newId();
        TransactionTemplate intake = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        int editions = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<BriefVersion>> registered = new ArrayList<>();
            for (int i = 0; i < editions; i++) {
                String sha = String.format("%064d", i);
                registered.add(nodes.submit(() -> {
                    start.await();
                    return intake.execute(tx -> store().registerBriefVersion("acme", brief, sha, "folder:x"));
                }));
            }
            start.countDown();
            List<Integer> versions = new ArrayList<>();
            for (Future<BriefVersion> version : registered) {
                versions.add(version.get(30, TimeUnit.SECONDS).version());
            }
            assertThat(versions).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, editions).boxed().toList());
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aLeasedJobIsNotClaimedTwiceUntilItsLeaseIsReleased() {
        String id = newId();
        store().createQueued(generation(id), "received");

        List<Job> first = store().claimDue("node-a", Duration.ofMinutes(5), 1000);
        List<Job> second = store().claimDue("node-b", Duration.ofMinutes(5), 1000);
        store().releaseLease(id);
        List<Job> third = store().claimDue("node-b", Duration.ofMinutes(5), 1000);

        assertThat(first).extracting(Job::id).contains(id);
        assertThat(second).extracting(Job::id).doesNotContain(id);
        assertThat(third).extracting(Job::id).contains(id);
    }

    @Test
    void leasesOfAStoppedNodeAreFreedAtItsNextStart() {
        String id = newId();
        store().createQueued(generation(id), "received");
        store().claimDue("node-crashed", Duration.ofHours(1), 1000);

        assertThat(store().releaseLeasesOf("node-crashed")).isPositive();
        assertThat(store().claimDue("node-crashed", Duration.ofHours(1), 1000)).extracting(Job::id).contains(id);
    }

    @Test
    void aTransitionFromAStateTheJobIsNoLongerInChangesNothing() {
        String id = newId();
        store().createQueued(generation(id), "received");

        boolean moved = store().transition(id, JobState.QUEUED, JobState.SUBMITTED, "submitted as v_1",
                JobChanges.none().set("provider", "sandbox").set("provider_job_id", "v_1"));
        boolean movedAgain = store().transition(id, JobState.QUEUED, JobState.SUBMITTED, "again", JobChanges.none());

        assertThat(moved).isTrue();
        assertThat(movedAgain).isFalse();
        Job job = store().find(id).orElseThrow();
        assertThat(job.providerJobId()).isEqualTo("v_1");
        assertThat(store().history(id)).extracting(JobTransition::reason).containsOnlyOnce("submitted as v_1")
                .doesNotContain("again");
    }

    @Test
    void aJobWaitingForARetryIsNotDueBeforeItsTime() {
        String id = newId();
        store().createQueued(generation(id), "received");
        store().retryLater(id, JobState.QUEUED, Instant.now().plusSeconds(3600), "provider unavailable");

        assertThat(store().claimDue("node-a", Duration.ofMinutes(5), 1000)).extracting(Job::id).doesNotContain(id);
        Job job = store().find(id).orElseThrow();
        assertThat(job.stepAttempts()).isEqualTo(1);
        assertThat(job.lastError()).isEqualTo("provider unavailable");
    }

    @Test
    void theSubmitIntentIsRecordedOnceAndCountsAttempts() {
        String id = newId();
        store().createQueued(generation(id), "received");
        store().recordSubmitIntent(id, "sandbox", id);
        Instant firstIntent = store().find(id).orElseThrow().submitIntentAt();
        store().recordSubmitIntent(id, "sandbox", id);

        Job job = store().find(id).orElseThrow();
        assertThat(job.submitAttempts()).isEqualTo(2);
        assertThat(job.submitIntentAt()).isEqualTo(firstIntent);
        assertThat(job.submitKey()).isEqualTo(id);
    }
}
