package io.reelhub.dispatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import io.reelhub.brief.BriefCheck;
import io.reelhub.brief.BriefChecker;
import io.reelhub.brief.FallbackChains;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.brief.Problem;
import io.reelhub.costs.DailyCap;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobChanges;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;

/**
 * Hands a job whose model failed for good to the next model of its brief's fallback chain ({@link FallbackChains}).
 * Only a {@link TerminalFailure} that allows it gets here: never a timeout, an unknown outcome or a 5xx. The next
 * model's generation is planned through the same door as at intake (the brief checked again with that model, so its
 * lengths, sizes, seed and negative prompt rules hold), its estimate is held to the brief's {@code budget_usd} and
 * the project's daily cap, and the job goes back to QUEUED as a new submission: no intent, no provider id, a new
 * idempotency key. The money rule holds as for any first submit (the intent is recorded before the POST); the failed
 * provider job is only named in the history, never submitted again.
 */
@Component
class ModelFallback {

    static final String FALLING_BACK = "falling back";

    private final FallbackChains chains;
    private final BriefChecker checker;
    private final JobStore store;
    private final SpecCodec specs;
    private final DailyCap dailyCap;
    private final ObjectMapper json;
    private final Clock clock;

    ModelFallback(FallbackChains chains, BriefChecker checker, JobStore store, SpecCodec specs, DailyCap dailyCap,
                  ObjectMapper json, Clock clock) {
        this.chains = chains;
        this.checker = checker;
        this.store = store;
        this.specs = specs;
        this.dailyCap = dailyCap;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Re-queues the job on the next model that fits, or says why none does.
     *
     * @param from    the state the job is in (QUEUED for a refused submit, SUBMITTED or RENDERING after a poll)
     * @param failure a failure that {@link TerminalFailure#allowsFallback() allows} a fallback
     * @return empty when the job was handed over; otherwise why there is no fallback (empty text: no chain)
     */
    Optional<String> tryNext(Job job, JobState from, TerminalFailure failure) {
        Optional<ObjectNode> brief = briefOf(job);
        if (brief.isEmpty()) {
            return Optional.of("");
        }
        String named = brief.get().path("model").isTextual() ? brief.get().path("model").asText() : null;
        List<String> intents = new ArrayList<>();
        brief.get().path("intent").forEach(intent -> intents.add(intent.asText()));
        List<String> chain = chains.chainFor(named, intents);
        int at = chain.indexOf(job.model());
        List<String> next = chain.subList(at < 0 ? 0 : at + 1, chain.size()).stream()
                .filter(model -> !model.equals(job.model())).toList();
        if (next.isEmpty()) {
            return Optional.of(chain.size() > 1 ? "; the fallback chain of '" + named + "' " + chain
                    + " has no model left" : "");
        }
        GenerationSpec failed = specs.read(job);
        List<String> skipped = new ArrayList<>();
        for (String candidate : next) {
            Optional<String> refusal = handOver(job, from, failure, brief.get(), named, chain, candidate, failed);
            if (refusal.isEmpty()) {
                return Optional.empty();
            }
            skipped.add(candidate + ": " + refusal.get());
        }
        return Optional.of("; no fallback of '" + named + "' fits: " + String.join("; ", skipped));
    }

    private Optional<String> handOver(Job job, JobState from, TerminalFailure failure, ObjectNode brief, String named,
                                      List<String> chain, String candidate, GenerationSpec failed) {
        BriefCheck check = checker.check(asBriefFile(brief, candidate), "fallback.json");
        if (!check.errors().isEmpty()) {
            return Optional.of(String.join(", ", check.errors().stream().map(Problem::toText).toList()));
        }
        Optional<GenerationSpec> planned = check.plan().stream()
                .filter(spec -> spec.shotId().equals(failed.shotId())).findFirst();
        if (planned.isEmpty()) {
            return Optional.of("plans no generation for shot " + failed.shotId());
        }
        GenerationSpec spec = sameSeed(planned.get(), failed);
        Optional<String> overBudget = overBudget(job, brief, spec.estimatedCostUsd());
        if (overBudget.isPresent()) {
            return overBudget;
        }
        BigDecimal released = createdToday(job) && job.costEstimateUsd() != null ? job.costEstimateUsd()
                : BigDecimal.ZERO;
        Optional<Problem> capped = dailyCap.check(job.project(), spec.estimatedCostUsd(), released);
        if (capped.isPresent()) {
            return Optional.of(capped.get().message());
        }
        int position = chain.indexOf(candidate);
        String reason = FALLING_BACK + " from " + job.model() + " to " + candidate + " (fallback " + position + " of "
                + (chain.size() - 1) + " for '" + named + "') after "
                + (job.providerJobId() == null ? "the provider refused the submit"
                : job.provider() + " job " + job.providerJobId() + " failed for good")
                + ": " + failure.reason() + "; that job is not submitted again; new estimate "
                + spec.estimatedCostUsd().toPlainString() + " USD";
        boolean moved = store.requeue(job.id(), from, reason, JobChanges.none()
                .set("model", spec.modelId())
                .set("spec_json", specs.write(spec))
                .set("cost_estimate_usd", spec.estimatedCostUsd())
                .set("provider", null)
                .set("provider_job_id", null)
                .set("provider_state_json", null)
                .set("provider_note", null)
                .set("submit_intent_at", null)
                .set("submit_key", job.id() + "-fb-" + candidate)
                .set("progress", 0)
                .set("next_action_at", Instant.now(clock))
                .set("last_error", failure.reason()));
        return moved ? Optional.empty() : Optional.of("the job moved on meanwhile");
    }

    /**
     * The brief as its author would have written it naming {@code model}, without its budget (held to the brief's
     * remaining generations below instead): the ledger keeps the parsed brief, whose free-text prompt is an object
     * and whose absent lists are empty, neither of which the brief format accepts.
     */
    static byte[] asBriefFile(ObjectNode kept, String model) {
        ObjectNode brief = kept.deepCopy();
        brief.put("model", model);
        brief.remove("budget_usd");
        JsonNode prompt = brief.path("prompt");
        if (prompt.isObject() && prompt.hasNonNull("text")) {
            brief.set("prompt", prompt.get("text"));
        } else if (prompt.isObject()) {
            ((ObjectNode) prompt).remove("freeText");
        }
        List<String> empty = new ArrayList<>();
        brief.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull() || (value.isContainerNode() && value.isEmpty() && !field.getKey().equals("params"))) {
                empty.add(field.getKey());
            }
        });
        brief.remove(empty);
        return brief.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Variations keep their seeds, so a fallback take is the same take on another model. */
    private static GenerationSpec sameSeed(GenerationSpec planned, GenerationSpec failed) {
        if (planned.seed() == null || failed.seed() == null) {
            return planned;
        }
        return new GenerationSpec(planned.shotId(), planned.modelId(), planned.providerModel(), planned.prompt(),
                planned.seconds(), planned.width(), planned.height(), failed.seed(), planned.negative(),
                planned.audio(), planned.estimatedCostUsd());
    }

    /** The brief's budget covers its other generations still standing plus this one on the new model. */
    private Optional<String> overBudget(Job job, ObjectNode brief, BigDecimal estimate) {
        JsonNode budgetNode = brief.path("budget_usd");
        if (!budgetNode.isNumber() && !budgetNode.isTextual()) {
            return Optional.empty();
        }
        BigDecimal budget = new BigDecimal(budgetNode.asText());
        BigDecimal others = job.parentId() == null ? BigDecimal.ZERO : store.children(job.parentId()).stream()
                .filter(sibling -> !sibling.id().equals(job.id()))
                .filter(sibling -> sibling.state() != JobState.FAILED && sibling.state() != JobState.CANCELLED
                        && sibling.state() != JobState.REJECTED)
                .map(sibling -> sibling.costEstimateUsd() == null ? BigDecimal.ZERO : sibling.costEstimateUsd())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = others.add(estimate);
        if (total.compareTo(budget) <= 0) {
            return Optional.empty();
        }
        return Optional.of("the estimate of " + estimate.toPlainString() + " USD"
                + (others.signum() == 0 ? "" : " (with the brief's other generations, " + total.toPlainString()
                + " USD)") + " is over the brief's budget of " + budget.toPlainString() + " USD");
    }

    private boolean createdToday(Job job) {
        return job.createdAt() != null && LocalDate.ofInstant(job.createdAt(), ZoneOffset.UTC)
                .equals(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The brief as intake kept it: on the job, or on its parent for a brief of several generations. */
    private Optional<ObjectNode> briefOf(Job job) {
        String text = job.briefJson();
        if (text == null && job.parentId() != null) {
            text = store.find(job.parentId()).map(Job::briefJson).orElse(null);
        }
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(text);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
