package io.reelhub.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.reelhub.ReelHubApplication;
import io.reelhub.support.TempHome;

/**
 * The {@code dev} profile reloads edited route files while the hub runs: a valid edit takes effect, an edit that
 * fails validation is refused with the report and the route that was running keeps answering, and an edit of the
 * destination template re-makes the destinations' routes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteReloadTest {

    private static final Duration RELOAD = Duration.ofSeconds(30);

    private static ConfigFolder config;
    private static ConfigurableApplicationContext hub;
    private static ProducerTemplate producer;

    @BeforeAll
    static void startTheHubInTheDevProfile() {
        config = ConfigFolder.copyOfShipped("reload").write("routes/ping.yaml", ping("pong v1", ""));
        hub = new SpringApplicationBuilder(ReelHubApplication.class).run("--spring.profiles.active=dev",
                "--reelhub.config-dir=" + config.dir(), "--reelhub.home=" + TempHome.create("reload"),
                "--server.port=0");
        producer = hub.getBean(CamelContext.class).createProducerTemplate();
    }

    @AfterAll
    static void stopTheHub() {
        hub.close();
    }

    @Test
    @Order(1)
    void aValidEditTakesEffectWithoutARestart() throws IOException {
        assertThat(producer.requestBody("direct:ping", null, String.class)).isEqualTo("pong v1");

        replace("routes/ping.yaml", ping("pong v2", ""));

        await().atMost(RELOAD).until(() -> "pong v2".equals(producer.requestBody("direct:ping", null, String.class)));
        assertThat(hub.getBean(CamelContext.class).getRoute("job-pump")).as("the engine's own routes").isNotNull();
    }

    @Test
    @Order(2)
    void anInvalidEditIsRefusedWithTheReportAndTheRunningRouteKeepsWorking() throws IOException {
        String broken = ping("pong v3", "        - to: kamelet:ftp-sink\n");
        replace("routes/ping.yaml", broken);

        ValidatingRouteReloadStrategy watcher = hub.getBean(RouteReloadInstaller.class).installed();
        await().atMost(RELOAD).until(() -> watcher.lastRefused() != null);
        assertThat(watcher.lastRefused().toText()).contains("routes/ping.yaml:"
                + config.lineOf("routes/ping.yaml", "ftp-sink") + ": kamelet 'ftp-sink' does not exist");
        assertThat(producer.requestBody("direct:ping", null, String.class)).isEqualTo("pong v2");
    }

    @Test
    @Order(3)
    void theNextValidEditIsLoaded() throws IOException {
        replace("routes/ping.yaml", ping("pong v4", ""));

        await().atMost(RELOAD).until(() -> "pong v4".equals(producer.requestBody("direct:ping", null, String.class)));
        assertThat(hub.getBean(RouteReloadInstaller.class).installed().lastRefused()).isNull();
    }

    @Test
    @Order(4)
    void anEditOfTheDestinationTemplateRemakesTheDestinationsRoutes() throws IOException {
        String template = config.read("routes/deliver-to-destination.yaml");
        String edited = template.replace("        steps:\n          - to:\n",
                "        steps:\n          - log: \"delivering to {{destination}} (template v2)\"\n          - to:\n");
        assertThat(edited).isNotEqualTo(template);
        replace("routes/deliver-to-destination.yaml", edited);

        ModelCamelContext camel = (ModelCamelContext) hub.getBean(CamelContext.class);
        await().atMost(RELOAD).until(() -> {
            RouteDefinition route = camel.getRouteDefinition("deliver-to-editing-bin");
            return route != null && route.getOutputs().toString().contains("template v2");
        });
        assertThat(camel.getRouteTemplateDefinitions()).filteredOn(t -> t.getId().equals("deliver-to-destination"))
                .as("the old template is gone").hasSize(1);
        assertThat(camel.getRouteController().getRouteStatus("deliver-to-editing-bin").isStarted()).isTrue();
    }

    private static String ping(String answer, String extraStep) {
        return """
                - route:
                    id: ping
                    from:
                      uri: direct:ping
                      steps:
                        - setBody:
                            constant: "%s"
                %s""".formatted(answer, extraStep);
    }

    /** Saves a file the way editors do: written beside, then moved into place in one step. */
    private static void replace(String relative, String content) throws IOException {
        Path target = config.dir().resolve(relative);
        Path temp = Files.writeString(config.dir().resolve(target.getFileName() + ".saving"), content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
