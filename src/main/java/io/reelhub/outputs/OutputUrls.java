package io.reelhub.outputs;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute URLs of a job's files, {@code {reelhub.public-url}/api/jobs/{id}/outputs/{name}}, for services outside
 * the hub: schedulers download media from them, creative software shows thumbnails from them. With no
 * {@code reelhub.public-url} the hub's own local address is used, which only works on this machine.
 */
@Component
public class OutputUrls {

    private final Environment environment;

    public OutputUrls(Environment environment) {
        this.environment = environment;
    }

    public URI urlOf(String jobId, Path file) {
        return URI.create(base() + "/api/jobs/" + encode(jobId) + "/outputs/" + encode(file.getFileName().toString()));
    }

    private String base() {
        String configured = environment.getProperty("reelhub.public-url", "");
        if (!configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        // local.server.port is the port actually bound (server.port may be 0 = any free port)
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
