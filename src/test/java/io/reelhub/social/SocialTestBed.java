package io.reelhub.social;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.reelhub.delivery.Lineage;
import io.reelhub.jobs.JobStore;
import io.reelhub.jobs.NewJob;
import io.reelhub.support.MutableClock;

/**
 * The social connectors' collaborators as the hub wires them, on an in-memory H2 migrated by the real Flyway
 * scripts: the post ledger, the platform profiles (TikTok at 6 per minute and 15 per day, as Ayrshare's audited app)
 * and the publisher, all on a clock the test moves.
 */
public final class SocialTestBed {

    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    public final MutableClock clock = new MutableClock(T0);
    public final DataSource dataSource;
    public final SocialPostLedger ledger;
    public final PlatformProfiles profiles;
    public final SocialPublisher publisher;
    public final SchedulerHttp http = new SchedulerHttp(Duration.ofSeconds(2), Duration.ofSeconds(5));
    public final JobStore jobs;

    public SocialTestBed() {
        this(platforms());
    }

    public SocialTestBed(Map<String, SocialProperties.Platform> platforms) {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:social-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        this.dataSource = db;
        JdbcTemplate jdbc = new JdbcTemplate(db);
        this.jobs = new JobStore(jdbc, clock);
        this.ledger = new SocialPostLedger(jdbc, new DataSourceTransactionManager(db), clock);
        this.profiles = new PlatformProfiles(new SocialProperties(platforms, null, null));
        this.publisher = new SocialPublisher(ledger, profiles, clock);
    }

    /** TikTok, Instagram Reels and YouTube Shorts as application.yaml ships them. */
    public static Map<String, SocialProperties.Platform> platforms() {
        return Map.of(
                "tiktok", new SocialProperties.Platform("1080x1920", "crop", 3.0, 600.0, 23.0, 60.0,
                        List.of("h264", "hevc"), "6 per minute, 15 per day", "test"),
                "instagram-reels", new SocialProperties.Platform("1080x1920", "crop", 3.0, 900.0, 23.0, 60.0,
                        List.of("h264", "hevc"), "50 per 24h", "test"),
                "youtube-shorts", new SocialProperties.Platform("1080x1920", "crop", null, 180.0, null, null,
                        List.of(), null, "test"),
                "facebook-reels", new SocialProperties.Platform("1080x1920", "crop", 3.0, 90.0, 24.0, 60.0,
                        List.of("h264", "hevc"), "30 per day", "test"));
    }

    /** A job row, which the ledger's rows refer to. */
    public String newJob() {
        String id = "job-" + UUID.randomUUID().toString().substring(0, 12);
        jobs.createQueued(new NewJob(id, null, "acme-spring", "spring-teaser", 1, "sh010", "social", "Spring teaser",
                "test", "veo-3.1", "{}", null, null, BigDecimal.ONE), "received from test");
        return id;
    }

    /** A post of a new job's 9:16 rendition, with a caption and two hashtags. */
    public SocialPost post(String platform, Instant scheduleAt) {
        String job = newJob();
        return post(job, platform, scheduleAt);
    }

    public SocialPost post(String job, String platform, Instant scheduleAt) {
        String file = "sh010_v001_" + platform + ".mp4";
        return new SocialPost(job, "acme-spring", "spring-teaser", 1, "sh010", platform, "Spring teaser",
                "Spring is here #spring #acme", List.of("spring", "acme"), scheduleAt,
                List.of(new SocialPost.Media(file, null, URI.create("https://hub.example/api/jobs/" + job
                        + "/outputs/" + file))),
                new Lineage(job, "spring-teaser", 1, "veo-3.1", "sandbox", "sbx-1", 42L, "a harbour at dawn",
                        BigDecimal.ONE, true));
    }
}
