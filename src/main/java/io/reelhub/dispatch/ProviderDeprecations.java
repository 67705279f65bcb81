package io.reelhub.dispatch;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;

/**
 * Reads {@code Deprecation} and {@code Sunset} on every provider answer ({@link ProviderHttp} hands each one here)
 * and makes them visible: a warning on the job whose step got the answer (once per job, provider and model), the
 * counter {@code reelhub.provider.deprecation{provider,model}} of answers that carried them, the gauge
 * {@code reelhub.provider.sunset{provider,model}} (the announced sunset, epoch seconds) and one log line per provider
 * and model. The provider's client does not know the job it calls for, so the pump says which job its thread is
 * working on ({@link #watch(Job)}): a step runs on one thread from start to end.
 */
@Component
public class ProviderDeprecations {

    static final String WARNING_PATH = "provider.deprecation";
    private static final Logger LOG = LoggerFactory.getLogger(ProviderDeprecations.class);
    private static final String NO_JOB = "unknown";

    private final MeterRegistry meters;
    private final JobStore store;
    private final ObjectMapper json;
    private final ThreadLocal<Watch> current = new ThreadLocal<>();
    private final Map<String, AtomicLong> sunsets = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public ProviderDeprecations(MeterRegistry meters, JobStore store, ObjectMapper json) {
        this.meters = meters;
        this.store = store;
        this.json = json;
    }

    /** Collects what the answers say while this thread works on {@code job}; closing it records the warning. */
    public Watch watch(Job job) {
        Watch watch = new Watch(job);
        current.set(watch);
        return watch;
    }

    /** One provider answer's headers: counted, logged once, and noted for the job being worked on. */
    void observe(String provider, HttpHeaders headers) {
        Optional<DeprecationNotice> read = DeprecationNotice.read(headers);
        if (read.isEmpty()) {
            return;
        }
        DeprecationNotice notice = read.get();
        Watch watch = current.get();
        String model = watch == null || watch.job.model() == null ? NO_JOB : watch.job.model();
        meters.counter("reelhub.provider.deprecation", "provider", provider, "model", model).increment();
        if (notice.sunset() != null) {
            sunsetGauge(provider, model).set(notice.sunset().getEpochSecond());
        }
        if (logged.add(provider + "/" + model)) {
            LOG.warn("{}", notice.describe(provider, model));
        }
        if (watch != null) {
            // keyed by how the message starts, which is how a job's warnings are told apart
            watch.notices.putIfAbsent(provider + " says " + model + " ", notice.describe(provider, model));
        }
    }

    private AtomicLong sunsetGauge(String provider, String model) {
        return sunsets.computeIfAbsent(provider + "/" + model, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("reelhub.provider.sunset", value, AtomicLong::get)
                    .description("the sunset a provider announced for a model (epoch seconds)")
                    .tags("provider", provider, "model", model).baseUnit("seconds").register(meters);
            return value;
        });
    }

    /** Adds each new notice to the job's warnings, unless the job already carries one for that provider and model. */
    private void record(Job job, Map<String, String> notices) {
        try {
            JsonNode kept = job.warningsJson() == null ? null : json.readTree(job.warningsJson());
            ArrayNode warnings = kept instanceof ArrayNode array ? array : json.createArrayNode();
            boolean added = false;
            for (Map.Entry<String, String> notice : notices.entrySet()) {
                boolean known = false;
                for (JsonNode warning : warnings) {
                    known |= WARNING_PATH.equals(warning.path("path").asText())
                            && warning.path("message").asText().startsWith(notice.getKey());
                }
                if (!known) {
                    warnings.addObject().put("path", WARNING_PATH).put("message", notice.getValue());
                    added = true;
                }
            }
            if (added) {
                store.updateWarnings(job.id(), warnings.toString());
            }
        } catch (IOException | RuntimeException e) {
            // a warning is worth having, never worth failing a step for
            LOG.warn("Job {}: could not record a provider deprecation warning: {}", job.id(), e.toString());
        }
    }

    /** What one thread heard about deprecations while working on one job. */
    public final class Watch implements AutoCloseable {

        private final Job job;
        private final Map<String, String> notices = new LinkedHashMap<>();

        private Watch(Job job) {
            this.job = job;
        }

        @Override
        public void close() {
            current.remove();
            if (!notices.isEmpty()) {
                record(job, notices);
            }
        }
    }
}
