package io.reelhub.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A creative tool's webhook endpoint: the JDK's HTTP server on 127.0.0.1, recording every request and answering
 * each path with its scripted statuses (then 200 once its script is used up).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as the receiver saw it; header names lower-cased. */
    record Received(String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new HashMap<>();

    /** A receiver listening from now on; a test class keeps one in a static field, created before its context. */
    static WebhookReceiver started() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
            int status;
            synchronized (scripts) {
                Deque<Integer> script = scripts.get(exchange.getRequestURI().getPath());
                status = script == null || script.isEmpty() ? 200 : script.removeFirst();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The next answers to requests on {@code path}, in order. */
    WebhookReceiver answer(String path, Integer... statuses) {
        synchronized (scripts) {
            scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
        }
        return this;
    }

    /** Forgets the answers still scripted for {@code path}: it answers 200 from now on. */
    void reset(String path) {
        synchronized (scripts) {
            scripts.remove(path);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedOn(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
