package io.reelhub.support.emulators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves the files of one folder the way the hub's output URLs do ({@code /api/jobs/{id}/outputs/{name}}), for
 * connector tests that run without the hub: a service told a URL (Boords by URL, a review tool) fetches from it.
 */
public final class OutputFileServer implements AutoCloseable {

    private final HttpServer server;

    private OutputFileServer(HttpServer server) {
        this.server = server;
    }

    public static OutputFileServer serving(Path folder) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/jobs/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                Path file = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
                byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
                exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new OutputFileServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code reelhub.public-url} would be. */
    public String publicUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
