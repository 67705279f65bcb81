package io.reelhub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every database behind the ledger must do the same way: H2 by default, PostgreSQL in a cluster. */
abstract class JobStoreContract {

    abstract JobStore store();

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
