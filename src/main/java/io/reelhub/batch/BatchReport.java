package io.reelhub.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobStore;
import io.reelhub.media.FrameGrabber;

/**
 * The morning report of a run, in {@code outbox/batch-<name>-<date>/}: {@code report.html} with thumbnails for the
 * producer, {@code report.csv} and {@code report.json} for spreadsheets and scripts, every claimed brief listed.
 */
@Component
class BatchReport {

    private static final Logger LOG = LoggerFactory.getLogger(BatchReport.class);

    private final JobStore jobs;
    private final BatchFolders folders;
    private final FrameGrabber frames;
    private final BatchProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    BatchReport(JobStore jobs, BatchFolders folders, FrameGrabber frames, BatchProperties properties,
                ObjectMapper json) {
        this.jobs = jobs;
        this.folders = folders;
        this.frames = frames;
        this.properties = properties;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    Path write(BatchRun run, List<BatchItem> items) throws IOException {
        Path folder = folders.reportFolder(run.batchName(), run.businessDate());
        Files.createDirectories(folder.resolve("thumbs"));
        List<BatchReportRow> rows = new ArrayList<>();
        for (BatchItem item : items) {
            rows.add(row(item, folder));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("batch", run.batchName());
        document.put("businessDate", run.businessDate().toString());
        document.put("budgetUsd", run.budgetUsd());
        document.put("committedUsd", run.committedUsd());
        document.put("briefs", rows);
        byte[] reportJson = json.writeValueAsBytes(document);
        Files.write(folder.resolve("report.json"), reportJson);
        Files.writeString(folder.resolve("report.csv"), csv(rows));
        Files.writeString(folder.resolve("report.html"), html(run, rows));
        send(reportJson, folder);
        return folder;
    }

    private BatchReportRow row(BatchItem item, Path folder) {
        Optional<Job> job = Optional.ofNullable(item.jobId()).flatMap(jobs::find);
        String clip = job.flatMap(this::firstClip).orElse(null);
        String thumbnail = clip == null ? null : thumbnail(Path.of(clip), folder, item.fileName());
        Long duration = job.filter(j -> j.state().isTerminal())
                .map(j -> Duration.between(j.createdAt(), j.updatedAt()).toSeconds()).orElse(null);
        String reason = item.reason() != null ? item.reason() : job.map(Job::lastError).orElse(null);
        return new BatchReportRow(item.fileName(), item.status().name(), item.jobId(),
                job.map(j -> j.state().name()).orElse(null), job.map(Job::model).orElse(null), item.estimateUsd(),
                job.map(Job::createdAt).orElse(null), job.filter(j -> j.state().isTerminal()).map(Job::updatedAt)
                .orElse(null), duration, clip, thumbnail, reason);
    }

    /** The first delivered clip of the job, or of its first delivered generation for a multi-shot brief. */
    private Optional<String> firstClip(Job job) {
        List<Job> candidates = new ArrayList<>(List.of(job));
        candidates.addAll(jobs.children(job.id()));
        for (Job candidate : candidates) {
            if (candidate.outputsJson() == null) {
                continue;
            }
            try {
                for (JsonNode output : json.readTree(candidate.outputsJson())) {
                    if (output.asText().endsWith(".mp4")) {
                        return Optional.of(output.asText());
                    }
                }
            } catch (IOException e) {
                LOG.debug("Unreadable outputs of job {}", candidate.id());
            }
        }
        return Optional.empty();
    }

    private String thumbnail(Path clip, Path folder, String file) {
        Path image = folder.resolve("thumbs").resolve(file.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            frames.firstFrame(clip, image);
            return folder.relativize(image).toString();
        } catch (RuntimeException e) {
            LOG.warn("No thumbnail for {}: {}", clip, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String csv(List<BatchReportRow> rows) {
        StringBuilder csv = new StringBuilder("file,status,job_id,state,model,estimate_usd,queued_at,finished_at,"
                + "duration_seconds,clip,reason\n");
        for (BatchReportRow row : rows) {
            csv.append(String.join(",", cell(row.file()), cell(row.status()), cell(row.jobId()), cell(row.state()),
                    cell(row.model()), cell(row.estimateUsd()), cell(row.queuedAt()), cell(row.finishedAt()),
                    cell(row.durationSeconds()), cell(row.clip()), cell(row.reason()))).append('\n');
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches(".*[,\"\\n\\r].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String html(BatchRun run, List<BatchReportRow> rows) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Batch " + esc(run.batchName()) + " " + run.businessDate() + "</title><style>"
                + "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:4px 8px;vertical-align:top}img{width:160px}</style></head><body>\n");
        html.append("<h1>Batch ").append(esc(run.batchName())).append(" for ").append(run.businessDate())
                .append("</h1>\n<p>Budget ").append(run.budgetUsd()).append(" USD, committed ")
                .append(run.committedUsd()).append(" USD, ").append(rows.size()).append(" brief(s).</p>\n");
        html.append("<table><tr><th>Thumbnail</th><th>Brief file</th><th>Status</th><th>Job</th><th>Model</th>"
                + "<th>Estimate (USD)</th><th>Duration (s)</th><th>Reason</th></tr>\n");
        for (BatchReportRow row : rows) {
            html.append("<tr><td>").append(row.thumbnail() == null ? "" : "<img src=\"" + esc(row.thumbnail())
                            + "\" alt=\"" + esc(row.file()) + "\">")
                    .append("</td><td>").append(esc(row.file()))
                    .append("</td><td>").append(esc(row.state() != null ? row.status() + " / " + row.state()
                            : row.status()))
                    .append("</td><td>").append(esc(row.jobId()))
                    .append("</td><td>").append(esc(row.model()))
                    .append("</td><td>").append(row.estimateUsd() == null ? "" : row.estimateUsd())
                    .append("</td><td>").append(row.durationSeconds() == null ? "" : row.durationSeconds())
                    .append("</td><td>").append(esc(row.reason())).append("</td></tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private void send(byte[] report, Path folder) {
        if (properties.reportWebhook().isEmpty()) {
            return;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.reportWebhook()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Batch report webhook {} failed: {}", properties.reportWebhook(), e.getMessage());
            writeQuietly(folder.resolve("webhook.error.txt"), "The report could not be sent to "
                    + properties.reportWebhook() + ": " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
