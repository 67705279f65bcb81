package io.reelhub.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Column changes that travel with a state transition. Only known columns are accepted. */
public final class JobChanges {

    private static final Set<String> COLUMNS = Set.of("state", "updated_at", "step_attempts", "provider",
            "provider_job_id", "progress", "next_action_at", "last_error", "clip_path", "probe_json", "outputs_json",
            "rendered_at", "submit_key", "submit_intent_at", "provider_state_json", "provider_note", "model", "spec_json",
            "cost_estimate_usd");

    private final Map<String, Object> values;

    private JobChanges(Map<String, Object> values) {
        this.values = values;
    }

    public static JobChanges none() {
        return new JobChanges(Collections.emptyMap());
    }

    public JobChanges set(String column, Object value) {
        if (!COLUMNS.contains(column)) {
            throw new IllegalArgumentException("not an updatable job column: " + column);
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(column, value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
        return new JobChanges(copy);
    }

    String assignments() {
        return String.join(", ", values.keySet().stream().map(c -> c + " = ?").toList());
    }

    List<Object> values() {
        return new ArrayList<>(values.values());
    }
}
