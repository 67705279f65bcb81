package io.reelhub.dispatch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.qc.Attempt;
import io.reelhub.qc.AttemptAllowance;
import io.reelhub.qc.ClipInspector;
import io.reelhub.qc.GenerationAttempts;
import io.reelhub.qc.NextAttempt;
import io.reelhub.qc.QcProperties;
import io.reelhub.qc.QcReport;
import io.reelhub.qc.QualityReview;
import io.reelhub.review.ReviewGate;

/**
 * The quality check after each download ({@link ClipInspector}: container, codec, length, size, decoding, black and
 * frozen stretches), and what follows it. A clip that passes goes on to its destinations, or first to the human
 * review gate when its stage needs one (social). A clip that fails is generated again with a new seed while
 * {@code reelhub.qc.max-attempts} and the budget allow ({@link AttemptAllowance}); after that it waits for a human in
 * review with the report of every attempt.
 *
 * <p>Generating again reuses the money rule of the submit step: the job goes back to QUEUED with a fresh idempotency
 * key and no intent, so {@link SubmitStep} records the intent before the provider is called and the provider's id
 * after, and a crash in between finds the render again instead of paying twice. Every checked attempt is a row of
 * {@code generation_attempts}, written in the same transaction as the job's move.
 */
@Component
class InspectStep implements JobStep {

    private final JobStore store;
    private final ClipInspector inspector;
    private final GenerationAttempts attempts;
    private final AttemptAllowance allowance;
    private final QcProperties properties;
    private final ModelCatalog catalog;
    private final SpecCodec specs;
    private final ObjectMapper json;
    private final ReviewGate review;
    private final TransactionTemplate transactions;

    InspectStep(JobStore store, ClipInspector inspector, GenerationAttempts attempts, AttemptAllowance allowance,
                QcProperties properties, ModelCatalog catalog, SpecCodec specs, ObjectMapper json, ReviewGate review,
                TransactionTemplate transactions) {
        this.store = store;
        this.inspector = inspector;
        this.attempts = attempts;
        this.allowance = allowance;
        this.properties = properties;
        this.catalog = catalog;
        this.specs = specs;
        this.json = json;
        this.review = review;
        this.transactions = transactions;
    }

    @Override
    public Set<JobState> handles() {
        return Set.of(JobState.PROCESSING);
    }

    @Override
    public String name() {
        return "quality check";
    }

    @Override
    public void run(Job job) {
        GenerationSpec spec = specs.read(job);
        List<Attempt> earlier = attempts.of(job.id());
        int attempt = earlier.size() + 1;
        QcReport report;
        try {
            report = inspector.inspect(Path.of(job.clipPath()), spec, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the clip", e);
        }
        if (report.passed()) {
            passed(job, spec, report, earlier);
            return;
        }
        Optional<String> refusal = allowance.refusal(job, spec, attempt);
        if (refusal.isEmpty()) {
            generateAgain(job, spec, report);
        } else {
            holdForReview(job, spec, report, earlier, refusal.get());
        }
    }

    private void passed(Job job, GenerationSpec spec, QcReport report, List<Attempt> earlier) {
        String passed = "quality check passed" + (report.attempt() > 1 ? " on attempt " + report.attempt() : "")
                + String.format(Locale.ROOT, " (%s %dx%d, %.2f s)", report.probe().videoCodec(),
                report.probe().width(), report.probe().height(), report.probe().durationSeconds());
        JobChanges probed = JobChanges.none().set("probe_json", write(report.probe())).set("last_error", null);
        if (review.needsReview(job)) {
            String reason = passed + "; waiting for a human approval before publishing";
            transactions.executeWithoutResult(status -> {
                review.hold(job, JobState.PROCESSING, reason, new QualityReview(reason, reports(earlier, report)),
                        probed);
                recordIfNow(job, JobState.AWAITING_REVIEW, spec, report, job.clipPath(), Attempt.Decision.REVIEW);
            });
            return;
        }
        if (review.approvesUnseen(job)) {
            review.approveUnseen(job);
        }
        transactions.executeWithoutResult(status -> {
            if (store.transition(job.id(), JobState.PROCESSING, JobState.DELIVERING, passed,
                    probed.set("next_action_at", Instant.now()))) {
                record(job, spec, report, job.clipPath(), Attempt.Decision.DELIVER);
            }
        });
    }

    /**
     * Back to the queue as a new paid submission: a new seed (when the model takes one), a fresh idempotency key, no
     * intent and no provider state, and one more generation's estimate added to the job's committed cost.
     */
    private void generateAgain(Job job, GenerationSpec spec, QcReport report) {
        int next = report.attempt() + 1;
        Long seed = takesSeed(spec) ? NextAttempt.seed(firstSeed(job, spec, report), job.id(), next) : null;
        GenerationSpec again = new GenerationSpec(spec.shotId(), spec.modelId(), spec.providerModel(), spec.prompt(),
                spec.seconds(), spec.width(), spec.height(), seed, spec.negative(), spec.audio(),
                spec.estimatedCostUsd());
        Path kept = NextAttempt.keepClip(Path.of(job.clipPath()), spec.shotId(), report.attempt());
        String reason = "quality check failed on attempt " + report.attempt() + " of " + properties.maxAttempts()
                + ": " + report.failures() + "; generating again"
                + (seed == null ? " (" + spec.modelId() + " takes no seed)" : " with seed " + seed);
        transactions.executeWithoutResult(status -> {
            boolean queued = store.transition(job.id(), JobState.PROCESSING, JobState.QUEUED, reason, JobChanges.none()
                    .set("spec_json", specs.write(again))
                    .set("cost_estimate_usd", committed(job).add(spec.estimatedCostUsd()))
                    .set("submit_key", job.id() + "-qc" + next)
                    .set("submit_intent_at", null)
                    .set("provider_job_id", null)
                    .set("provider_state_json", null)
                    .set("provider_note", null)
                    .set("clip_path", null)
                    .set("progress", 0)
                    .set("next_action_at", Instant.now())
                    .set("last_error", reason));
            if (queued) {
                record(job, spec, report, kept.toString(), Attempt.Decision.GENERATE_AGAIN);
            }
        });
    }

    private void holdForReview(Job job, GenerationSpec spec, QcReport report, List<Attempt> earlier,
                               String refusal) {
        String reason = "quality check failed on attempt " + report.attempt() + ": " + report.failures()
                + "; not generated again: " + refusal + "; waiting for a human decision";
        transactions.executeWithoutResult(status -> {
            review.hold(job, JobState.PROCESSING, reason, new QualityReview(reason, reports(earlier, report)),
                    JobChanges.none().set("last_error", reason));
            recordIfNow(job, JobState.AWAITING_REVIEW, spec, report, job.clipPath(), Attempt.Decision.REVIEW);
        });
    }

    /** Records the attempt only if the job did move ({@link ReviewGate#hold} leaves a job someone else moved). */
    private void recordIfNow(Job job, JobState expected, GenerationSpec spec, QcReport report, String clip,
                             Attempt.Decision decision) {
        if (store.find(job.id()).map(Job::state).orElse(null) == expected) {
            record(job, spec, report, clip, decision);
        }
    }

    private void record(Job job, GenerationSpec spec, QcReport report, String clip, Attempt.Decision decision) {
        attempts.record(new Attempt(job.id(), report.attempt(), spec.seed(), job.submitKey(), job.provider(),
                job.providerJobId(), clip, spec.estimatedCostUsd(), report.passed(), decision, write(report),
                report.checkedAt()));
    }

    private static BigDecimal committed(Job job) {
        return job.costEstimateUsd() == null ? BigDecimal.ZERO : job.costEstimateUsd();
    }

    private boolean takesSeed(GenerationSpec spec) {
        return catalog.find(spec.modelId()).map(ModelSpec::seed).orElse(spec.seed() != null);
    }

    /** The seed the shot was first generated with: the seeds of later attempts are derived from it. */
    private Long firstSeed(Job job, GenerationSpec spec, QcReport report) {
        if (report.attempt() == 1) {
            return spec.seed();
        }
        return attempts.of(job.id()).stream().findFirst().map(Attempt::seed).orElse(spec.seed());
    }

    private List<QcReport> reports(List<Attempt> earlier, QcReport last) {
        List<QcReport> all = new ArrayList<>();
        for (Attempt attempt : earlier) {
            try {
                all.add(json.readValue(attempt.reportJson(), QcReport.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("attempt " + attempt.attempt() + " of job " + attempt.jobId()
                        + " keeps an unreadable report", e);
            }
        }
        all.add(last);
        return all;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
