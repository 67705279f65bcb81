package io.reelhub.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the sandbox provider has been asked to do, the numbers tests and benchmarks assert on ("exactly one paid
 * submission"). Persisted in {@code counters.json} on every change, so they survive a restart like the jobs do,
 * and exposed as Micrometer function counters that read the same totals.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxCounters {

    private static final Logger log = LoggerFactory.getLogger(SandboxCounters.class);

    /**
     * The counters as served by {@code GET /sandbox/admin/counters} and stored on disk. {@code submissions} and
     * {@code rejectedSubmissions} add up every protocol; {@code protocolSubmissions} (protocol, then the model id as
     * that protocol's wire names it) and {@code protocolRejections} (protocol, then status) split them.
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Snapshot(
            Map<String, Long> submissions,
            Map<String, Long> billedSeconds,
            Map<String, Long> rejectedSubmissions,
            long idempotentReplays,
            long inputReferences,
            long polls,
            long failedPolls,
            Downloads downloads,
            Map<String, Map<String, Long>> protocolSubmissions,
            Map<String, Map<String, Long>> protocolRejections) {

        public Snapshot {
            submissions = submissions == null ? Map.of() : Map.copyOf(submissions);
            billedSeconds = billedSeconds == null ? Map.of() : Map.copyOf(billedSeconds);
            rejectedSubmissions = rejectedSubmissions == null ? Map.of() : Map.copyOf(rejectedSubmissions);
            downloads = downloads == null ? new Downloads(0, 0, 0) : downloads;
            protocolSubmissions = deepCopy(protocolSubmissions);
            protocolRejections = deepCopy(protocolRejections);
        }

        /** All paid submissions, whatever the model. */
        public long totalSubmissions() {
            return submissions.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Paid submissions of one protocol, whatever the model. */
        public long paidSubmissions(String protocol) {
            return protocolSubmissions.getOrDefault(protocol, Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum();
        }

        /** Submits of one protocol answered with {@code status}. */
        public long rejections(String protocol, int status) {
            return protocolRejections.getOrDefault(protocol, Map.of()).getOrDefault(String.valueOf(status), 0L);
        }

        private static Map<String, Map<String, Long>> deepCopy(Map<String, Map<String, Long>> map) {
            if (map == null) {
                return Map.of();
            }
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            map.forEach((key, inner) -> copy.put(key, Map.copyOf(new TreeMap<>(inner))));
            return java.util.Collections.unmodifiableMap(copy);
        }
    }

    /**
     * @param complete  downloads that delivered every byte
     * @param truncated downloads cut short on purpose by the truncation fault
     * @param aborted   downloads the client walked away from
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Downloads(long complete, long truncated, long aborted) {
    }

    /** How a content download ended. */
    public enum DownloadOutcome { COMPLETE, TRUNCATED, ABORTED }

    private final Path file;
    private final MeterRegistry meters;
    private final Map<String, Long> submissions = new TreeMap<>();
    private final Map<String, Long> billedSeconds = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, Map<String, Long>> protocolSubmissions = new TreeMap<>();
    private final Map<String, Map<String, Long>> protocolRejections = new TreeMap<>();
    private final Set<String> registeredMeters = ConcurrentHashMap.newKeySet();
    private long idempotentReplays;
    private long inputReferences;
    private long polls;
    private long failedPolls;
    private long downloadsComplete;
    private long downloadsTruncated;
    private long downloadsAborted;

    public SandboxCounters(SandboxPaths paths, MeterRegistry meters) {
        this.file = paths.counters();
        this.meters = meters;
        load();
        for (DownloadOutcome outcome : DownloadOutcome.values()) {
            FunctionCounter.builder("reelhub.sandbox.downloads", this, c -> c.downloads(outcome))
                    .tag("outcome", outcome.name().toLowerCase())
                    .description("Content downloads served by the sandbox provider")
                    .register(meters);
        }
        FunctionCounter.builder("reelhub.sandbox.polls", this, c -> c.polls())
                .description("Video retrieves answered by the sandbox provider").register(meters);
        // Meters are registered outside this object's lock, so the two locks are never taken in opposite orders.
        snapshot().submissions().keySet().forEach(this::registerModelMeters);
        snapshot().billedSeconds().keySet().forEach(this::registerModelMeters);
        snapshot().rejectedSubmissions().keySet().forEach(this::registerRejectedMeter);
        snapshot().protocolSubmissions().forEach((protocol, models) -> models.keySet()
                .forEach(model -> registerProtocolMeter(protocol, model)));
    }

    /** A submission the OpenAI-protocol provider accepted and would charge for. */
    public void submitted(String model, int inputReferenceCount) {
        submitted(SandboxFaults.OPENAI, model, inputReferenceCount);
    }

    /** A submission one protocol's provider accepted and would charge for. */
    public void submitted(String protocol, String model, int inputReferenceCount) {
        synchronized (this) {
            protocolSubmissions.computeIfAbsent(protocol, p -> new TreeMap<>()).merge(model, 1L, Long::sum);
            submissions.merge(model, 1L, Long::sum);
            inputReferences += inputReferenceCount;
            save();
        }
        registerModelMeters(model);
        registerProtocolMeter(protocol, model);
    }

    /** Seconds of video delivered (counted when a job completes: failed jobs are not charged). */
    public void billed(String model, int seconds) {
        synchronized (this) {
            billedSeconds.merge(model, (long) seconds, Long::sum);
            save();
        }
        registerModelMeters(model);
    }

    /** An OpenAI-protocol submit answered with an error status (validation, auth or an injected fault). */
    public void rejected(int status) {
        rejected(SandboxFaults.OPENAI, status);
    }

    /** A submit answered with an error status (validation, auth or an injected fault): nothing to pay. */
    public void rejected(String protocol, int status) {
        String key = String.valueOf(status);
        synchronized (this) {
            protocolRejections.computeIfAbsent(protocol, p -> new TreeMap<>()).merge(key, 1L, Long::sum);
            rejected.merge(key, 1L, Long::sum);
            save();
        }
        registerRejectedMeter(key);
    }

    public synchronized void replayed() {
        idempotentReplays++;
        save();
    }

    public synchronized void polled() {
        polls++;
        save();
    }

    public synchronized void pollFailed() {
        failedPolls++;
        save();
    }

    public synchronized void downloaded(DownloadOutcome outcome) {
        switch (outcome) {
            case COMPLETE -> downloadsComplete++;
            case TRUNCATED -> downloadsTruncated++;
            case ABORTED -> downloadsAborted++;
        }
        save();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(submissions, billedSeconds, rejected, idempotentReplays, inputReferences, polls,
                failedPolls, new Downloads(downloadsComplete, downloadsTruncated, downloadsAborted),
                protocolSubmissions, protocolRejections);
    }

    private synchronized double submissions(String model) {
        return submissions.getOrDefault(model, 0L);
    }

    private synchronized double billedSeconds(String model) {
        return billedSeconds.getOrDefault(model, 0L);
    }

    private synchronized double rejected(String status) {
        return rejected.getOrDefault(status, 0L);
    }

    private synchronized double polls() {
        return polls;
    }

    private synchronized double downloads(DownloadOutcome outcome) {
        return switch (outcome) {
            case COMPLETE -> downloadsComplete;
            case TRUNCATED -> downloadsTruncated;
            case ABORTED -> downloadsAborted;
        };
    }

    private void registerModelMeters(String model) {
        if (registeredMeters.add("model:" + model)) {
            FunctionCounter.builder("reelhub.sandbox.submissions", this, c -> c.submissions(model))
                    .tag("model", model)
                    .description("Paid submissions accepted by the sandbox provider").register(meters);
            FunctionCounter.builder("reelhub.sandbox.billed.seconds", this, c -> c.billedSeconds(model))
                    .tag("model", model).baseUnit("seconds")
                    .description("Seconds of video the sandbox provider would charge for").register(meters);
        }
    }

    private synchronized double submissions(String protocol, String model) {
        return protocolSubmissions.getOrDefault(protocol, Map.of()).getOrDefault(model, 0L);
    }

    private void registerProtocolMeter(String protocol, String model) {
        if (registeredMeters.add("protocol:" + protocol + ":" + model)) {
            FunctionCounter.builder("reelhub.sandbox.protocol.submissions", this, c -> c.submissions(protocol, model))
                    .tag("protocol", protocol).tag("model", model)
                    .description("Paid submissions accepted by the sandbox, per wire protocol").register(meters);
        }
    }

    private void registerRejectedMeter(String status) {
        if (registeredMeters.add("rejected:" + status)) {
            FunctionCounter.builder("reelhub.sandbox.rejected.submissions", this, c -> c.rejected(status))
                    .tag("status", status)
                    .description("Submissions the sandbox provider answered with an error").register(meters);
        }
    }

    private void save() {
        AtomicJsonFile.write(file, snapshot());
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Snapshot saved = AtomicJsonFile.read(file, Snapshot.class);
            submissions.putAll(saved.submissions());
            billedSeconds.putAll(saved.billedSeconds());
            rejected.putAll(saved.rejectedSubmissions());
            saved.protocolSubmissions().forEach((p, m) -> protocolSubmissions.put(p, new TreeMap<>(m)));
            saved.protocolRejections().forEach((p, m) -> protocolRejections.put(p, new TreeMap<>(m)));
            idempotentReplays = saved.idempotentReplays();
            inputReferences = saved.inputReferences();
            polls = saved.polls();
            failedPolls = saved.failedPolls();
            downloadsComplete = saved.downloads().complete();
            downloadsTruncated = saved.downloads().truncated();
            downloadsAborted = saved.downloads().aborted();
        } catch (IOException e) {
            log.warn("Unreadable sandbox counters in {} ({}); starting from zero", file, e.getMessage());
        }
    }
}
