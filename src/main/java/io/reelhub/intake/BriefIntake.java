package io.reelhub.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.reelhub.brief.Brief;
import io.reelhub.brief.BriefCheck;
import io.reelhub.brief.BriefChecker;
import io.reelhub.brief.GenerationSpec;
import io.reelhub.brief.Problem;
import io.reelhub.costs.DailyCap;
import io.reelhub.callback.CallbackAllowlist;
import io.reelhub.delivery.StageTable;
import io.reelhub.dispatch.SpecCodec;
import io.reelhub.jobs.BriefVersion;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;
import io.reelhub.social.SocialBriefCheck;

/**
 * The one door every intake channel goes through: validate, give the content a version, queue its generations.
 * Recording the version and queuing the jobs is one transaction, so a brief is never "seen" without its jobs.
 */
@Service
public class BriefIntake {

    private static final Logger LOG = LoggerFactory.getLogger(BriefIntake.class);

    private final BriefChecker checker;
    private final JobStore store;
    private final StageTable stages;
    private final SpecCodec specs;
    private final ObjectMapper json;
    private final DailyCap dailyCap;
    private final CallbackAllowlist callbacks;
    private final SocialBriefCheck social;

    public BriefIntake(BriefChecker checker, JobStore store, StageTable stages, SpecCodec specs,
                       ObjectMapper json, DailyCap dailyCap, CallbackAllowlist callbacks, SocialBriefCheck social) {
        this.checker = checker;
        this.store = store;
        this.stages = stages;
        this.specs = specs;
        this.json = json;
        this.dailyCap = dailyCap;
        this.callbacks = callbacks;
        this.social = social;
    }

    /**
     * @param content  the raw bytes as received
     * @param fileName the name the brief arrived under (used for the id when the brief has none)
     * @param source   where it came from, for the audit trail ({@code folder:inbox/x.yaml})
     */
    @Transactional
    public IntakeOutcome accept(byte[] content, String fileName, String source) {
        return accept(content, content.length, fileName, source);
    }

    /**
     * For channels that know the size before reading: {@code content} may be only the first bytes of a body that is
     * over the limit, which is then refused with its real size.
     */
    @Transactional
    public IntakeOutcome accept(byte[] content, long size, String fileName, String source) {
        BriefCheck check = checker.checkSized(content, size, fileName);
        List<Problem> errors = new ArrayList<>(check.errors());
        Brief brief = check.brief();
        if (brief != null) {
            errors.addAll(stages.problems(brief));
            errors.addAll(social.problems(brief, check.plan()));
        }
        if (brief != null && brief.callback() != null) {
            callbacks.refusal(brief.callback()).ifPresent(reason -> errors.add(new Problem("callback", reason)));
        }
        if (brief != null && errors.isEmpty()) {
            dailyCap.check(brief.project(), check.estimatedCostUsd()).ifPresent(errors::add);
        }
        if (brief == null || !errors.isEmpty()) {
            return reject(brief, fileName, source, errors, check.warnings());
        }
        BriefVersion version = store.registerBriefVersion(brief.project(), brief.id(), check.sha256(), source);
        if (version.duplicate()) {
            String earlier = store.forBrief(brief.project(), brief.id(), version.version()).stream()
                    .filter(job -> job.parentId() == null).map(Job::id).findFirst().orElse(null);
            LOG.info("Brief {}/{} from {} has the same content as v{}: not queued again (job {})",
                    brief.project(), brief.id(), source, version.version(), earlier);
            return new IntakeOutcome(IntakeOutcome.Status.DUPLICATE, earlier, brief.project(), brief.id(),
                    version.version(), List.of(), check.warnings());
        }
        String jobId = queue(brief, check, version.version(), source);
        LOG.info("Brief {}/{} v{} from {} queued as job {} ({} generation(s))", brief.project(), brief.id(),
                version.version(), source, jobId, check.plan().size());
        return new IntakeOutcome(IntakeOutcome.Status.ACCEPTED, jobId, brief.project(), brief.id(),
                version.version(), List.of(), check.warnings());
    }

    private String queue(Brief brief, BriefCheck check, int version, String source) {
        String received = "received from " + source;
        String briefJson = write(brief);
        String warnings = write(check.warnings());
        List<GenerationSpec> plan = check.plan();
        if (plan.size() == 1) {
            GenerationSpec spec = plan.get(0);
            String id = newJobId();
            store.createQueued(child(id, null, brief, version, spec, source, briefJson, warnings), received);
            return id;
        }
        String parentId = newJobId();
        store.createQueued(new NewJob(parentId, null, brief.project(), brief.id(), version, null,
                brief.stage().wireName(), brief.title(), source, plan.get(0).modelId(), null, briefJson, warnings,
                plan.stream().map(GenerationSpec::estimatedCostUsd).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::add)), received + " (" + plan.size() + " generations)");
        for (GenerationSpec spec : plan) {
            store.createQueued(child(newJobId(), parentId, brief, version, spec, source, null, null),
                    received + " (shot " + spec.shotId() + ")");
        }
        return parentId;
    }

    private NewJob child(String id, String parentId, Brief brief, int version, GenerationSpec spec, String source,
                         String briefJson, String warnings) {
        return new NewJob(id, parentId, brief.project(), brief.id(), version, spec.shotId(),
                brief.stage().wireName(), brief.title(), source, spec.modelId(), specs.write(spec), briefJson,
                warnings, spec.estimatedCostUsd());
    }

    private IntakeOutcome reject(Brief brief, String fileName, String source, List<Problem> errors,
                                 List<Problem> warnings) {
        String project = brief != null ? brief.project() : "unknown";
        String briefId = brief != null ? brief.id() : "unknown";
        String id = newJobId();
        String reasons = String.join("; ", errors.stream().map(p -> p.path() + ": " + p.message()).toList());
        store.createRejected(new NewJob(id, null, project, briefId, 0, null,
                        brief != null ? brief.stage().wireName() : "unknown", brief != null ? brief.title() : null,
                        source, null, null, null, write(warnings), null),
                "received from " + source, "rejected: " + reasons);
        LOG.warn("Brief {} from {} rejected: {}", fileName, source, reasons);
        return new IntakeOutcome(IntakeOutcome.Status.REJECTED, id, project, briefId, 0, errors, warnings);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newJobId() {
        return "job-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
