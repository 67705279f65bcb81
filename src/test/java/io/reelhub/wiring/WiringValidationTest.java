package io.reelhub.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * One broken file of each kind the wiring check knows, each reported with its file and line; and several problems
 * reported together. Every test starts from a copy of the shipped routes/ and connectors/.
 */
class WiringValidationTest {

    @Test
    void theShippedWiringIsValid() {
        WiringReport report = ConfigFolder.copyOfShipped("shipped").validate();

        assertThat(report.problems()).isEmpty();
        assertThat(report.toText()).contains("is valid").contains("17 kamelet(s)");
    }

    @Test
    void anUnknownDestinationInTheStageTableIsReportedAtItsLineWithTheKnownOnes() {
        ConfigFolder config = ConfigFolder.copyOfShipped("unknown-destination").settings("""
                reelhub:
                  stages:
                    post-production:
                      destinations:
                        - editing-bin
                        - slak
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 6));
            assertThat(problem.message()).contains("unknown destination 'slak'")
                    .contains("no connectors/slak-sink.kamelet.yaml")
                    .contains("known destinations: ayrshare, boords, buffer, concept-board, editing-bin, folder, package-s3,"
                            + " reference-folder, review-tool, s3, shotgrid, slack, social-outbox, social-webhook,"
                            + " storyboard-folder, storyboard-upload, webhook");
        });
    }

    @Test
    void anUnknownDestinationInAProjectsStageListIsReportedAtItsLineNamingTheKeyAndTheKnownOnes() {
        ConfigFolder config = ConfigFolder.copyOfShipped("project-unknown-destination").settings("""
                reelhub:
                  projects:
                    acme-spring:
                      stages:
                        post-production:
                          destinations: [editing-bin, foldr]
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 6));
            assertThat(problem.message()).contains("unknown destination 'foldr'")
                    .contains("stage post-production of project acme-spring")
                    .contains("reelhub.projects.acme-spring.stages.post-production.destinations")
                    .contains("known destinations: ayrshare, boords, buffer, concept-board, editing-bin, folder, package-s3,"
                            + " reference-folder, review-tool, s3, shotgrid, slack, social-outbox, social-webhook,"
                            + " storyboard-folder, storyboard-upload, webhook");
        });
    }

    @Test
    void aProjectsStageListIsCheckedLikeTheStageTable() {
        ConfigFolder config = ConfigFolder.copyOfShipped("project-stage-list").settings("""
                reelhub:
                  projects:
                    acme-spring:
                      stages:
                        post-prod:
                          destinations: [editing-bin]
                        concept:
                          destinations: [concept-board, concept-board]
                          destination: [folder]
                    Acme Spring:
                      stages:
                        concept:
                          destinations: [concept-board]
                    beta:
                      review:
                        auto-approve: true
                """);

        assertThat(config.validate().problems()).extracting(WiringProblem::toText).satisfiesExactlyInAnyOrder(
                text -> assertThat(text).startsWith("reelhub.yaml:6: unknown stage 'post-prod' in"
                        + " reelhub.projects.acme-spring.stages.post-prod.destinations; stages: "),
                text -> assertThat(text).startsWith("reelhub.yaml:8: destination 'concept-board' is listed twice"
                        + " for stage concept of project acme-spring"),
                text -> assertThat(text).startsWith("reelhub.yaml:9: unknown setting"
                        + " reelhub.projects.acme-spring.stages.concept.destination[0]; write"
                        + " reelhub.projects.<project>.stages.<stage>.destinations: [...]"),
                text -> assertThat(text).startsWith("reelhub.yaml:13: project 'Acme Spring'")
                        .contains("can never match a brief"));
    }

    @Test
    void aProjectsOwnListReplacesTheStageTableForThatProjectOnly() {
        ConfigFolder config = ConfigFolder.copyOfShipped("project-override").settings("""
                reelhub:
                  stages:
                    post-production:
                      destinations: [editing-bin, slack]
                  projects:
                    acme-spring:
                      stages:
                        post-production:
                          destinations: [folder]
                    quiet-studio:
                      stages:
                        post-production:
                          destinations: []
                  destinations:
                    folder:
                      folder: /srv/review
                    slack:
                      webhook-url: ${SLACK_WEBHOOK_URL}
                """).environment("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/x");
        Wiring wiring = WiringLoader.load(config.environment());

        assertThat(WiringValidator.validate(wiring).problems()).isEmpty();
        assertThat(wiring.stageDestinations("acme-spring", "post-production")).containsExactly("folder");
        assertThat(wiring.stageDestinations("other-project", "post-production"))
                .containsExactly("editing-bin", "slack");
        assertThat(wiring.stageDestinations("quiet-studio", "post-production")).isEmpty();
        assertThat(wiring.hasProjectStage("quiet-studio", "post-production")).isTrue();
        assertThat(wiring.stageDestinations("acme-spring", "concept")).containsExactly("concept-board");
        assertThat(wiring.destinations()).contains("folder", "editing-bin", "slack", "concept-board");
    }

    @Test
    void aDestinationNamedOnlyByAProjectStillNeedsItsSettings() {
        ConfigFolder config = ConfigFolder.copyOfShipped("project-settings").settings("""
                reelhub:
                  projects:
                    acme-spring:
                      stages:
                        production:
                          destinations: [folder]
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 6));
            assertThat(problem.message()).contains("destination 'folder' needs reelhub.destinations.folder.folder");
        });
    }

    @Test
    void anUnknownStageIsReported() {
        ConfigFolder config = ConfigFolder.copyOfShipped("unknown-stage").settings("""
                reelhub:
                  stages:
                    post-prod:
                      destinations: [editing-bin]
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where().file()).isEqualTo("reelhub.yaml");
            assertThat(problem.message()).contains("unknown stage 'post-prod'").contains("post-production");
        });
    }

    @Test
    void anUnknownDestinationInARouteIsReported() {
        ConfigFolder config = ConfigFolder.copyOfShipped("route-destination").write("routes/print-queue.yaml", """
                - route:
                    id: print-queue
                    from:
                      uri: direct:print-queue
                      steps:
                        - to: direct:deliver-to-printer
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/print-queue.yaml", 6));
            assertThat(problem.message()).contains("unknown destination 'printer'").contains("editing-bin");
        });
    }

    @Test
    void aKameletWithoutAFileIsReported() {
        ConfigFolder config = ConfigFolder.copyOfShipped("missing-kamelet").write("routes/ftp-copy.yaml", """
                - route:
                    id: ftp-copy
                    from:
                      uri: direct:ftp-copy
                      steps:
                        - to:
                            uri: kamelet:ftp-sink
                            parameters:
                              host: ftp.example
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/ftp-copy.yaml", 7));
            assertThat(problem.message()).contains("kamelet 'ftp-sink' does not exist")
                    .contains("connectors/ftp-sink.kamelet.yaml");
        });
    }

    @Test
    void aMissingRequiredKameletPropertyIsReportedForARouteAndForADestination() {
        ConfigFolder config = ConfigFolder.copyOfShipped("missing-property")
                .write("routes/review-copy.yaml", """
                        - route:
                            id: review-copy
                            from:
                              uri: direct:review-copy
                              steps:
                                - to: kamelet:folder-sink
                        """)
                .settings("""
                        reelhub:
                          stages:
                            production:
                              destinations: [webhook]
                        """);

        List<WiringProblem> problems = config.validate().problems();

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 4));
            assertThat(problem.message()).contains("destination 'webhook' needs reelhub.destinations.webhook.url");
        });
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/review-copy.yaml", 6));
            assertThat(problem.message()).contains("kamelet 'folder-sink' needs the property 'folder'");
        });
    }

    @Test
    void anUndeclaredPropertyIsReportedForARouteAndForADestination() {
        ConfigFolder config = ConfigFolder.copyOfShipped("undeclared")
                .write("routes/review-copy.yaml", """
                        - route:
                            id: review-copy
                            from:
                              uri: direct:review-copy
                              steps:
                                - to:
                                    uri: kamelet:folder-sink
                                    parameters:
                                      folder: /srv/review
                                      overwrite: true
                        """)
                .settings("""
                        reelhub:
                          destinations:
                            editing-bin:
                              bins-dir: /srv/bins
                              bin-layout: flat
                        """);

        List<WiringProblem> problems = config.validate().problems();

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 5));
            assertThat(problem.message()).contains("reelhub.destinations.editing-bin.bin-layout")
                    .contains("declares no property 'binLayout'").contains("its properties: binsDir");
        });
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/review-copy.yaml", 10));
            assertThat(problem.message()).contains("kamelet 'folder-sink' declares no property 'overwrite'");
        });
    }

    @Test
    void anUndeclaredPropertyInAUriIsReportedAtTheUrisLine() {
        ConfigFolder config = ConfigFolder.copyOfShipped("undeclared-uri").write("routes/review-copy.yaml", """
                - route:
                    id: review-copy
                    from:
                      uri: direct:review-copy
                      steps:
                        - to: "kamelet:folder-sink?folder=/srv/review&foldr=/srv/other"
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/review-copy.yaml", 6));
            assertThat(problem.message()).contains("declares no property 'foldr'");
        });
    }

    @Test
    void anUnknownModelInTheRoutingTableIsReported() {
        ConfigFolder config = ConfigFolder.copyOfShipped("routing").settings("""
                reelhub:
                  routing:
                    intents:
                      faces: kling-9
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 4));
            assertThat(problem.message()).contains("unknown model 'kling-9'").contains("intent 'faces'")
                    .contains("kling-2.1");
        });
    }

    @Test
    void aRouteFileWithTwoDotsIsReported() {
        ConfigFolder config = ConfigFolder.copyOfShipped("two-dots").write("routes/intake.s3.yaml", """
                - route:
                    id: intake-s3
                    from:
                      uri: direct:intake-s3
                      steps:
                        - log: hello
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/intake.s3.yaml", 1));
            assertThat(problem.message()).contains("must have one dot").contains("rename it to intake-s3.yaml");
        });
    }

    @Test
    void aRouteFileCamelWouldNotLoadIsReported() {
        ConfigFolder config = ConfigFolder.copyOfShipped("yml").write("routes/intake-s3.yml", "- route: {}\n");

        assertThat(config.validate().problems()).singleElement().satisfies(problem ->
                assertThat(problem.toText()).contains("routes/intake-s3.yml:1: is never loaded"));
    }

    @Test
    void aSecretWrittenInTheSettingsIsReportedWithoutRepeatingIt() {
        ConfigFolder config = ConfigFolder.copyOfShipped("secret-settings").settings("""
                reelhub:
                  destinations:
                    slack:
                      webhook-url: https://hooks.slack.com/services/T000/B000/very-secret-token
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 4));
            assertThat(problem.message()).contains("is a secret").contains("${SLACK_WEBHOOK_URL}")
                    .doesNotContain("very-secret-token");
        });
    }

    @Test
    void aSecretWrittenInARouteIsReportedWithoutRepeatingIt() {
        ConfigFolder config = ConfigFolder.copyOfShipped("secret-route").write("routes/alerts.yaml", """
                - route:
                    id: alerts
                    from:
                      uri: direct:alerts
                      steps:
                        - to:
                            uri: kamelet:slack-sink
                            parameters:
                              webhookUrl: https://hooks.slack.com/services/T000/B000/very-secret-token
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("routes/alerts.yaml", 9));
            assertThat(problem.message()).contains("'webhookUrl' of kamelet 'slack-sink' is a secret")
                    .contains("{{env:SLACK_WEBHOOK_URL}}").doesNotContain("very-secret-token");
        });
    }

    @Test
    void aSecretTakenFromTheEnvironmentIsAcceptedAndAMissingOneIsReported() {
        String settings = """
                reelhub:
                  destinations:
                    slack:
                      webhook-url: ${SLACK_WEBHOOK_URL}
                """;

        assertThat(ConfigFolder.copyOfShipped("secret-env").settings(settings)
                .environment("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/x").validate().problems())
                .isEmpty();
        assertThat(ConfigFolder.copyOfShipped("secret-env-missing").settings(settings).validate().problems())
                .singleElement().satisfies(problem -> {
                    assertThat(problem.where()).isEqualTo(SourceLine.of("reelhub.yaml", 4));
                    assertThat(problem.message()).contains("${SLACK_WEBHOOK_URL}, which nothing in the environment"
                            + " sets");
                });
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        ConfigFolder config = ConfigFolder.copyOfShipped("syntax").write("routes/broken.yaml", """
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                        - log: "unclosed
                        - to: direct:nowhere
                """);

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where().file()).isEqualTo("routes/broken.yaml");
            assertThat(problem.where().line()).isBetween(6, 8);
            assertThat(problem.message()).startsWith("YAML syntax error");
        });
    }

    @Test
    void aBrokenKameletFileIsReportedWithItsLine() {
        ConfigFolder config = ConfigFolder.copyOfShipped("kamelet-syntax");
        config.write("connectors/folder-sink.kamelet.yaml",
                config.read("connectors/folder-sink.kamelet.yaml").replace("    required:\n", "    required:\n\t"));

        assertThat(config.validate().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo(
                    SourceLine.of("connectors/folder-sink.kamelet.yaml", config.lineOf(
                            "connectors/folder-sink.kamelet.yaml", "\t") ));
            assertThat(problem.message()).startsWith("YAML syntax error");
        });
    }

    @Test
    void aCatalogProblemIsReportedAtItsLine() {
        ConfigFolder config = ConfigFolder.copyOfShipped("catalog");
        String catalog = config.read("connectors/model-catalog.yaml");
        config.write("connectors/model-catalog.yaml", catalog.replaceFirst("default-seconds: \\d+",
                "default-seconds: 7"));

        // the catalog also drops the broken model, so an alias pointing at it is reported too
        assertThat(config.validate().problems()).anySatisfy(problem -> {
            assertThat(problem.where()).isEqualTo(SourceLine.of("connectors/model-catalog.yaml",
                    config.lineOf("connectors/model-catalog.yaml", "default-seconds: 7")));
            assertThat(problem.message()).contains("default-seconds: 7 is not in seconds");
        });
    }

    @Test
    void severalProblemsAreReportedTogetherInFileAndLineOrder() {
        ConfigFolder config = ConfigFolder.copyOfShipped("several")
                .write("routes/intake.s3.yaml", "- route:\n    id: s3\n    from:\n      uri: direct:s3\n"
                        + "      steps:\n        - to: kamelet:ftp-sink\n")
                .write("routes/alerts.yaml", """
                        - route:
                            id: alerts
                            from:
                              uri: direct:alerts
                              steps:
                                - to: "kamelet:slack-sink?webhookUrl=https://hooks.slack.com/services/a/b/c"
                        """)
                .settings("""
                        reelhub:
                          stages:
                            social:
                              destinations: [hootsuite]
                          routing:
                            fallback: veo-9
                        """);

        WiringReport report = config.validate();

        assertThat(report.problems()).extracting(WiringProblem::toText).satisfiesExactly(
                text -> assertThat(text).startsWith("reelhub.yaml:4: unknown destination 'hootsuite'"),
                text -> assertThat(text).startsWith("reelhub.yaml:6: unknown model 'veo-9'"),
                text -> assertThat(text).startsWith("routes/alerts.yaml:6: 'webhookUrl' of kamelet 'slack-sink'"),
                text -> assertThat(text).startsWith("routes/intake.s3.yaml:1: a route file name must have one dot"),
                text -> assertThat(text).startsWith("routes/intake.s3.yaml:6: kamelet 'ftp-sink' does not exist"));
        assertThat(report.toText()).contains("has 5 problems");
    }
}
