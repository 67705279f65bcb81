package io.reelhub.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.reelhub.ReelHubApplication;
import io.reelhub.support.TempHome;

/**
 * {@code reelhub.jar validate} reads the configuration exactly as the hub does (application.yaml, the config
 * folder's reelhub.yaml, arguments), and start-up refuses a broken wiring with the same report, before any bean
 * of the hub exists.
 */
class WiringValidateCommandTest {

    private static final String BROKEN_SETTINGS = """
            reelhub:
              stages:
                post-production:
                  destinations: [editing-bin, slak]
              routing:
                intents:
                  faces: kling-9
            """;

    @Test
    void aValidWiringPrintsWhatWasCheckedAndExitsWithZero() {
        ConfigFolder config = ConfigFolder.copyOfShipped("command-valid");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = WiringValidateCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                "--reelhub.config-dir=" + config.dir());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is valid: 6 route file(s), 17 kamelet(s)")
                .contains("validated in");
    }

    @Test
    void everyProblemIsPrintedWithFileAndLineAndTheExitCodeIsOne() {
        ConfigFolder config = ConfigFolder.copyOfShipped("command-broken").settings(BROKEN_SETTINGS)
                .write("routes/intake.mail.yaml", "- route:\n    id: mail\n    from: direct:mail\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = WiringValidateCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                "--reelhub.config-dir=" + config.dir());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("has 3 problems")
                .contains("  reelhub.yaml:4: unknown destination 'slak' for stage post-production")
                .contains("  reelhub.yaml:7: unknown model 'kling-9'")
                .contains("  routes/intake.mail.yaml:1: a route file name must have one dot");
    }

    @Test
    void startUpFailsFastWithTheSameReport() {
        ConfigFolder config = ConfigFolder.copyOfShipped("startup-broken").settings(BROKEN_SETTINGS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WiringValidateCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                "--reelhub.config-dir=" + config.dir());
        String commandReport = out.toString(StandardCharsets.UTF_8).replaceAll("\\(validated in \\d+ ms\\)\\n", "");

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ReelHubApplication.class).run(
                "--reelhub.config-dir=" + config.dir(), "--reelhub.home=" + TempHome.create("startup-broken"),
                "--server.port=0"));

        assertThat(failure).isInstanceOf(WiringException.class);
        assertThat(failure.getMessage()).isEqualTo(commandReport);
    }

    @Test
    void anUnknownDestinationInAProjectsStageListFailsValidateAndStopsStartUpNamingTheKey() {
        ConfigFolder config = ConfigFolder.copyOfShipped("startup-project").settings("""
                reelhub:
                  projects:
                    acme-spring:
                      stages:
                        concept:
                          destinations: [concept-bord]
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = WiringValidateCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                "--reelhub.config-dir=" + config.dir());
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ReelHubApplication.class).run(
                "--reelhub.config-dir=" + config.dir(), "--reelhub.home=" + TempHome.create("startup-project"),
                "--server.port=0"));

        assertThat(exit).isEqualTo(1);
        String expected = "  reelhub.yaml:6: unknown destination 'concept-bord' for stage concept of project"
                + " acme-spring (reelhub.projects.acme-spring.stages.concept.destinations)";
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(expected)
                .contains("known destinations: ayrshare, boords, buffer, concept-board, editing-bin, folder, package-s3,"
                        + " reference-folder, review-tool, s3, shotgrid, slack, social-outbox, social-webhook,"
                        + " storyboard-folder, storyboard-upload, webhook");
        assertThat(failure).isInstanceOf(WiringException.class);
        assertThat(failure.getMessage()).contains(expected);
    }
}
