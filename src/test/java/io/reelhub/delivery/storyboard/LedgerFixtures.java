package io.reelhub.delivery.storyboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.SpecCodec;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;

/**
 * A real job ledger on in-memory H2, migrated by Flyway, holding jobs the way intake records them: the brief on the
 * job (or on the parent of a multi-shot brief) and each generation's spec on its own job.
 */
public final class LedgerFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobStore store;
    private final SpecCodec specs = new SpecCodec(JSON);

    private LedgerFixtures(JobStore store) {
        this.store = store;
    }

    public static LedgerFixtures create() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:storyboard-"
                + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new LedgerFixtures(new JobStore(new JdbcTemplate(dataSource), Clock.systemUTC()));
    }

    public JobStore store() {
        return store;
    }

    public BriefOutlines outlines() {
        return new BriefOutlines(store, specs, JSON);
    }

    /** The neon street brief's sections, with {@code shots} (id, action, seconds) when given. */
    public static ObjectNode brief(String id, String stage, String... shots) {
        ObjectNode brief = JSON.createObjectNode();
        brief.put("brief", 1).put("id", id).put("project", "acme-spring").put("title", "Opening hook")
                .put("stage", stage);
        brief.putObject("prompt")
                .put("scene", "Rain-soaked neon street in Tokyo at night, light drizzle")
                .put("characters", "A woman in her 30s, short black bob, red trench coat")
                .put("action", "She walks toward camera")
                .put("tone", "Tense, anticipatory, slow pacing")
                .put("style", "Anamorphic 35mm, shallow depth of field, teal-orange grade");
        for (int i = 0; i + 2 < shots.length; i += 3) {
            brief.withArray("shots").addObject().put("id", shots[i]).put("action", shots[i + 1])
                    .put("seconds", Integer.parseInt(shots[i + 2]));
        }
        return brief;
    }

    /** Records a single-generation brief as intake does; returns the job id. */
    public String single(ObjectNode brief, int version, GenerationSpec spec) {
        String id = "job-" + UUID.randomUUID();
        store.createQueued(job(id, null, brief, version, spec, brief.toString()), "test");
        return id;
    }

    /** Records a multi-generation brief: a parent holding the brief, one child per spec; returns the child ids. */
    public List<String> multi(ObjectNode brief, int version, List<GenerationSpec> plan) {
        String parent = "job-" + UUID.randomUUID();
        store.createQueued(new NewJob(parent, null, "acme-spring", brief.path("id").asText(), version, null,
                brief.path("stage").asText(), "Opening hook", "test", plan.get(0).modelId(), null, brief.toString(),
                null, BigDecimal.ONE), "test");
        return plan.stream().map(spec -> {
            String child = "job-" + UUID.randomUUID();
            store.createQueued(job(child, parent, brief, version, spec, null), "test");
            return child;
        }).toList();
    }

    public static GenerationSpec spec(String shot, int seconds, Long seed) {
        return new GenerationSpec(shot, "veo-3.1", "veo-3.1-generate-001", "Scene: ... Action: ...", seconds, 1280,
                720, seed, null, false, new BigDecimal("3.20"));
    }

    private NewJob job(String id, String parent, ObjectNode brief, int version, GenerationSpec spec,
                       String briefJson) {
        return new NewJob(id, parent, "acme-spring", brief.path("id").asText(), version, spec.shotId(),
                brief.path("stage").asText(), "Opening hook", "test", spec.modelId(), specs.write(spec), briefJson,
                null, spec.estimatedCostUsd());
    }
}
