package io.reelhub.support.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The common part of the local emulators of remote destination APIs: a real HTTP server on the loopback interface
 * (the JDK's), a record of every request it received, and switches for the ways a real service fails:
 * <ul>
 *   <li>{@link #down()}: the port is closed, so connections are refused, until {@link #up()};</li>
 *   <li>{@link #failNext(int, int)}: the next requests are answered with an error status (503, 500...) in the
 *       API's own error shape, before anything is done;</li>
 *   <li>{@link #loseNextAnswers(int)}: the next requests that create something are carried out, then answered with
 *       500, as when the service or the network dies after the work: the client cannot tell, and must look before
 *       creating again;</li>
 *   <li>{@link #slow(Duration)}: every answer is delayed, for timeouts.</li>
 * </ul>
 */
public abstract class ApiEmulator implements AutoCloseable {

    /** One request as received. {@code bodyBytes} is its size; bodies themselves are kept by the subclasses. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers,
                          long bodyBytes, int status) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer to send: a status and a JSON (or empty) body. */
    protected record Answer(int status, Object json) {
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger losing = new AtomicInteger();
    private volatile String losingPath;
    private volatile int failStatus = 503;
    private volatile Duration delay = Duration.ZERO;
    private final int port;
    private volatile HttpServer server;
    private volatile java.util.concurrent.ExecutorService executor;

    protected ApiEmulator() {
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    /** Answers one request; {@code body} is the whole request body (these are test payloads). */
    protected abstract Answer handle(HttpExchange exchange, byte[] body) throws IOException;

    /** The API's error body for {@code status}, e.g. a JSON:API {@code errors} array. */
    protected abstract Object errorBody(int status, String detail);

    /** http://127.0.0.1:port, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void down() {
        HttpServer running = server;
        if (running != null) {
            running.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public void up() {
        if (server == null) {
            server = bind(port);
        }
    }

    public void failNext(int count, int status) {
        failStatus = status;
        failing.set(count);
    }

    public void loseNextAnswers(int count) {
        loseNextAnswers(count, null);
    }

    /** As {@link #loseNextAnswers(int)}, only for creates whose path contains {@code pathPart}. */
    public void loseNextAnswers(int count, String pathPart) {
        losingPath = pathPart;
        losing.set(count);
    }

    public void slow(Duration by) {
        delay = by;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests with this method whose path starts with {@code prefix}. */
    public List<Request> requests(String method, String prefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(prefix)).toList();
    }

    /** Whether this create is to be carried out and its answer lost (see {@link #loseNextAnswers}). */
    protected boolean loseThisAnswer(HttpExchange exchange) {
        String part = losingPath;
        if (part != null && !exchange.getRequestURI().getPath().contains(part)) {
            return false;
        }
        return losing.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    protected static Answer error(int status, String detail, ApiEmulator emulator) {
        return new Answer(status, emulator.errorBody(status, detail));
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, getClass().getSimpleName());
                thread.setDaemon(true);
                return thread;
            });
            created.setExecutor(executor);
            created.createContext("/", this::serve);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Answer answer;
            if (failing.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                answer = new Answer(failStatus, errorBody(failStatus, "the service is unavailable, try again"));
            } else {
                try {
                    answer = handle(exchange, body);
                } catch (RuntimeException e) {
                    answer = new Answer(500, errorBody(500, "emulator error: " + e));
                }
            }
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body.length,
                    answer.status()));
            pause();
            byte[] out = answer.json() == null ? new byte[0] : answer.json() instanceof byte[] raw ? raw
                    : JSON.writeValueAsBytes(answer.json());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream response = exchange.getResponseBody()) {
                    response.write(out);
                }
            }
        }
    }

    private void pause() {
        long millis = delay.toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);  // the emulated service is slow; the client's timeout is under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    protected static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        down();
    }
}
