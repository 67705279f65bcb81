package io.reelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.reelhub.support.HubTest;
import io.reelhub.support.TempHome;

/**
 * The {@code hawtio} profile: the console and Jolokia on the loopback-only management port, every route in JMX,
 * the kamelets' routes included.
 */
@HubTest
@ActiveProfiles("hawtio")
@TestPropertySource(properties = "management.server.port=0")
class HawtioConsoleTest {

    private static final String HOME = TempHome.create("hawtio").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", () -> HOME);
    }

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int serverPort;

    private final TestRestTemplate http = new TestRestTemplate();

    @Test
    void theConsoleIsServedOnTheManagementPort() {
        assertThat(http.getForEntity(management("/actuator/hawtio/"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyRouteIncludingTheKameletsIsInJmx() {
        JsonNode routes = http.getForObject(management("/actuator/jolokia/search/org.apache.camel:type=routes,*"),
                JsonNode.class);

        assertThat(routes.path("value").toString()).contains("name=\\\"deliver-to-editing-bin\\\"")
                // a kamelet's route id is numbered in creation order: editing-bin-sink-<n>
                .contains("name=\\\"editing-bin-sink-").contains("name=\\\"intake-folder\\\"");
    }

    @Test
    void jolokiaIsNotOnTheApplicationPort() {
        assertThat(http.getForEntity("http://127.0.0.1:" + serverPort + "/actuator/jolokia/version", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }
}
