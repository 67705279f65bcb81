package io.reelhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.reelhub.delivery.DeliveryState;
import io.reelhub.delivery.DeliveryStore;
import io.reelhub.delivery.DestinationDelivery;
import io.reelhub.jobs.Job;
import io.reelhub.jobs.JobQuery;
import io.reelhub.jobs.JobState;
import io.reelhub.jobs.JobStore;
import io.reelhub.support.DocBlocks;
import io.reelhub.support.DocBlocks.Block;
import io.reelhub.support.Inbox;
import io.reelhub.support.WebhookReceiver;
import io.reelhub.wiring.ConfigFolder;
import io.reelhub.wiring.Wiring;
import io.reelhub.wiring.WiringLoader;
import io.reelhub.wiring.WiringValidateCommand;

/**
 * Runs docs/integrators.md as a reader would, taking every file, command output and message from the page's own
 * code blocks so that the page cannot drift from the hub: the shipped routes/ and connectors/ are copied into a
 * config folder, the tutorial's files are written into it, validation is run with and without the secret, and a
 * brief is run through to a local stand-in for Slack.
 */
class IntegratorsTutorialTest {

    private static final List<Block> PAGE = DocBlocks.of(Path.of("docs/integrators.md"));
    /** Where the page pretends the config folder is. */
    private static final String PAGE_FOLDER = "/srv/reelhub";

    @Test
    void theTutorialValidatesAndAForgottenSecretIsTheMistakeThePageShows() {
        ConfigFolder config = tutorialFolder("tutorial-validate");

        Validation forgotten = validate(config);
        assertThat(forgotten.exit()).isEqualTo(1);
        assertThat(forgotten.output()).contains(block("text", "mistake").body());

        Validation valid = validate(config, "--" + secretVariable() + "=https://hooks.slack.com/services/T/B/X");
        assertThat(valid.exit()).isZero();
        assertThat(valid.output()).startsWith(block("text", "output").body()
                .replace(PAGE_FOLDER, config.dir().toString()));
    }

    @Test
    void theTutorialsBriefReachesSlackWithTheMessageThePageShows() throws Exception {
        ConfigFolder config = tutorialFolder("tutorial-run");
        Path home = config.dir().resolve("data");
        Block brief = only(b -> b.attribute("file") != null && b.attribute("file").startsWith("data/inbox/"),
                "the brief");
        try (WebhookReceiver slack = WebhookReceiver.start();
             ConfigurableApplicationContext hub = startHub(config, home,
                     "--" + secretVariable() + "=" + slack.url("/services/T0000/B0000/XXXXXXXXXXXXXXXX"))) {

            new Inbox(home).drop(Path.of(brief.attribute("file")).getFileName().toString(), brief.body());

            await().atMost(Duration.ofSeconds(90)).until(() -> !slack.requests().isEmpty());
            WebhookReceiver.Request message = slack.requests().get(0);
            assertThat(message.path()).isEqualTo("/services/T0000/B0000/XXXXXXXXXXXXXXXX");
            String text = new ObjectMapper().readTree(message.body()).path("text").asText();
            assertThat(text + "\n").isEqualTo(block("text", "slack").body()
                    .replace(PAGE_FOLDER, config.dir().toString()));

            JobStore jobs = hub.getBean(JobStore.class);
            Job job = await().atMost(Duration.ofSeconds(10)).until(
                    () -> jobs.list(new JobQuery("acme-spring", null, null, 10)).get(0),
                    j -> j.state() == JobState.DELIVERED);
            assertThat(hub.getBean(DeliveryStore.class).forJob(job.id()))
                    .extracting(DestinationDelivery::destination, DestinationDelivery::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("editing-bin", DeliveryState.DELIVERED),
                            org.assertj.core.groups.Tuple.tuple("slack", DeliveryState.DELIVERED));
            assertThat(slack.requests()).hasSize(1);
        }
    }

    @Test
    void theReviewFolderVariantAndTheHandWrittenRouteValidate() {
        ConfigFolder review = ConfigFolder.copyOfShipped("tutorial-review")
                .settings(only(b -> "review-folder".equals(b.attribute("variant")), "the review variant").body());
        assertThat(validate(review, "--" + secretVariable() + "=https://hooks.slack.com/services/T/B/X").exit())
                .isZero();

        Block route = only(b -> b.body().startsWith("# routes/deliver-to-archive.yaml"), "the archive route");
        ConfigFolder archive = ConfigFolder.copyOfShipped("tutorial-archive")
                .write("routes/deliver-to-archive.yaml", route.body())
                .settings("reelhub:\n  stages:\n    production:\n      destinations: [archive]\n");
        Validation validation = validate(archive);
        assertThat(validation.exit()).as(validation.output()).isZero();
    }

    @Test
    void theProjectOwnStageTableValidatesAppliesToItsProjectOnlyAndItsMistakeReadsAsThePageShows() {
        String settings = only(b -> "per-project".equals(b.attribute("variant")), "the per-project variant").body();
        ConfigFolder config = ConfigFolder.copyOfShipped("tutorial-per-project").settings(settings);

        Validation validation = validate(config);
        assertThat(validation.exit()).as(validation.output()).isZero();
        Wiring wiring = WiringLoader.load(config.environment());
        assertThat(wiring.stageDestinations("harbour-films", "post-production")).containsExactly("folder");
        assertThat(wiring.stageDestinations("acme-spring", "post-production")).containsExactly("editing-bin");
        assertThat(wiring.stageDestinations("harbour-films", "production")).containsExactly("folder");
        assertThat(wiring.stageDestinations("acme-spring", "production")).containsExactly("reference-folder");

        ConfigFolder typo = ConfigFolder.copyOfShipped("tutorial-per-project-typo")
                .settings(settings.replaceFirst("destinations: \\[folder]", "destinations: [foldr]"));
        Validation mistake = validate(typo);
        assertThat(mistake.exit()).isEqualTo(1);
        assertThat(mistake.output()).contains(block("text", "per-project-mistake").body());
    }

    /** The shipped wiring plus the tutorial's files (those under the config folder, not the inbox). */
    private static ConfigFolder tutorialFolder(String name) {
        ConfigFolder config = ConfigFolder.copyOfShipped(name);
        for (Block block : PAGE) {
            String file = block.attribute("file");
            if (file != null && block.attribute("variant") == null && !file.startsWith("data/")) {
                config.write(file, block.body());
            }
        }
        return config;
    }

    /** The variable the page tells the reader to export. */
    private static String secretVariable() {
        Matcher export = Pattern.compile("export (\\w+)=").matcher(only(b -> b.body().contains("export "),
                "the export").body());
        assertThat(export.find()).isTrue();
        return export.group(1);
    }

    private static Block block(String language, String word) {
        return only(b -> b.language().equals(language) && b.is(word), language + " " + word);
    }

    private static Block only(java.util.function.Predicate<Block> which, String description) {
        return DocBlocks.only(PAGE, which, description);
    }

    private record Validation(int exit, String output) {
    }

    private static Validation validate(ConfigFolder config, String... extra) {
        List<String> args = new ArrayList<>(List.of("--reelhub.config-dir=" + config.dir()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = WiringValidateCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        return new Validation(exit, out.toString(StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext startHub(ConfigFolder config, Path home, String... extra) {
        List<String> args = new ArrayList<>(List.of("--reelhub.config-dir=" + config.dir(),
                "--reelhub.home=" + home, "--server.port=0",
                "--reelhub.sandbox.render-time=0s", "--reelhub.sandbox.poll-after=100ms",
                "--reelhub.intake.folder.stable-window-ms=300", "--reelhub.intake.folder.poll-interval-ms=200",
                "--reelhub.dispatch.tick=100ms", "--reelhub.dispatch.min-poll-interval=50ms",
                "--reelhub.dispatch.retry-base=200ms", "--reelhub.dispatch.retry-max=1s"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(ReelHubApplication.class).run(args.toArray(String[]::new));
    }
}
