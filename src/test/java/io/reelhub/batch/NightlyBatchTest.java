package io.reelhub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.reelhub.sandbox.SandboxCounters;
import io.reelhub.support.HubTest;
import io.reelhub.support.SampleBriefs;
import io.reelhub.support.TempHome;

/** A producer's night: a budget that stops the batch, a report that lists every brief, a missed night run once. */
@HubTest
@TestPropertySource(properties = {"reelhub.batch.budget-usd=4.00", "reelhub.batch.max-concurrent=1",
        "reelhub.batch.feed-interval-ms=200"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyBatchTest {

    private static final Path HOME = TempHome.create("batch");
    private static final LocalDate NIGHT = LocalDate.parse("2026-01-15");

    /** The producer's report receiver: records every POSTed report. */
    private static final List<String> RECEIVED = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final com.sun.net.httpserver.HttpServer RECEIVER = receiver();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
        registry.add("reelhub.batch.report-webhook",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/reports");
    }

    private static com.sun.net.httpserver.HttpServer receiver() {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/reports", exchange -> {
                RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Autowired
    BatchStarter starter;
    @Autowired
    BatchStore store;
    @Autowired
    BatchProperties properties;
    @Autowired
    BatchFolders folders;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxCounters counters;
    @Autowired
    ObjectMapper json;

    @Test
    @Order(1)
    void aBatchOverBudgetStopsAtTheCapAndTheReportListsEveryBriefWithWhatWasSkipped() throws Exception {
        Path batch = HOME.resolve("batch");
        Files.writeString(batch.resolve("a1.yaml"), SampleBriefs.harbour("night", "a1"));
        Files.writeString(batch.resolve("a2.yaml"), SampleBriefs.harbour("night", "a2"));
        Files.writeString(batch.resolve("a3-bad.yaml"), "brief: 1\nproject: night\n");
        Files.writeString(batch.resolve("a4.yaml"), SampleBriefs.harbour("night", "a4"));
        Files.writeString(batch.resolve("a5.yaml"), SampleBriefs.harbour("night", "a5"));
        long paid = counters.snapshot().totalSubmissions();

        starter.start(NIGHT);

        await().atMost(Duration.ofSeconds(90)).until(() -> BatchRun.REPORTED.equals(
                store.run(properties.name(), NIGHT).orElseThrow().state()));
        BatchRun run = store.run(properties.name(), NIGHT).orElseThrow();
        assertThat(run.committedUsd()).isEqualByComparingTo("3.20").isLessThanOrEqualTo(run.budgetUsd());
        assertThat(counters.snapshot().totalSubmissions() - paid).isEqualTo(2);
        assertThat(store.items(run)).extracting(BatchItem::fileName, BatchItem::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a1.yaml", BatchItem.Status.QUEUED),
                org.assertj.core.groups.Tuple.tuple("a2.yaml", BatchItem.Status.QUEUED),
                org.assertj.core.groups.Tuple.tuple("a3-bad.yaml", BatchItem.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple("a4.yaml", BatchItem.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("a5.yaml", BatchItem.Status.SKIPPED));

        Path report = Path.of(run.reportFolder());
        JsonNode document = json.readTree(report.resolve("report.json").toFile());
        assertThat(document.path("briefs").findValuesAsText("file"))
                .containsExactly("a1.yaml", "a2.yaml", "a3-bad.yaml", "a4.yaml", "a5.yaml");
        assertThat(document.path("briefs").get(3).path("reason").asText()).contains("1.60").contains("0.80");
        assertThat(document.path("briefs").get(0).path("state").asText()).isEqualTo("DELIVERED");
        List<String> csv = Files.readAllLines(report.resolve("report.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(0)).startsWith("file,status,job_id");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("a1.yaml", "a2.yaml", "a3-bad.yaml", "a4.yaml", "a5.yaml");
        assertThat(report.resolve("thumbs/a1.yaml.png")).isNotEmptyFile();
        assertThat(report.resolve("thumbs/a2.yaml.png")).isNotEmptyFile();
        assertThat(HOME.resolve("batch/.runs/" + NIGHT + "/a4.yaml")).as("skipped briefs are kept").exists();
        assertThat(RECEIVED).as("the report sent to the webhook").singleElement()
                .satisfies(sent -> assertThat(json.readTree(sent).path("briefs")).hasSize(5));
    }

    @Test
    @Order(2)
    void aNightMissedWhileTheHubWasDownRunsOnceAndTheSameDateNeverTwice() {
        Instant now = Instant.now();
        jdbc.update("update batch_schedule set armed_at = ? where batch_name = ?",
                OffsetDateTime.ofInstant(now.minus(Duration.ofDays(3)), ZoneOffset.UTC), properties.name());

        starter.runDue();
        starter.runDue();
        // a second hub (or this one after a restart) finds the same night already run
        new BatchStarter(store, properties, folders, transactions, Clock.systemUTC()).runDue();

        List<LocalDate> dates = jdbc.queryForList("select business_date from batch_runs where batch_name = ?"
                + " and business_date <> ?", LocalDate.class, properties.name(), NIGHT);
        assertThat(dates).hasSize(1);
        assertThat(dates.get(0)).isAfter(LocalDate.now(ZoneOffset.UTC).minusDays(2));
    }
}
