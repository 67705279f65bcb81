package io.reelhub.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import software.amazon.awssdk.services.s3.S3Client;

import io.reelhub.s3.S3Access;

/**
 * A real S3 server for {@code *IT} tests: S3Mock's runnable jar started as its own process on free ports, with its
 * store in a temporary folder and the given buckets created. Maven copies the jar to {@code target/it-servers/}
 * before the ITs run (the {@code s3mock.jar} system property names it). {@link #close()} stops the process and
 * deletes the store.
 */
public final class S3MockServer implements AutoCloseable {

    /** S3Mock accepts any credentials; these only have to be present. */
    public static final String ACCESS_KEY = "it-access-key";
    public static final String SECRET_KEY = "it-secret-key";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path dir;
    private final int port;
    private final Duration startTime;
    private S3Client client;

    private S3MockServer(Process process, Path dir, int port, Duration startTime) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.startTime = startTime;
    }

    /** Starts S3Mock with {@code buckets} and returns once it answers S3 requests. */
    public static S3MockServer start(String... buckets) {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/it-servers/s3mock-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's jar is not at " + jar.toAbsolutePath() + ": run the S3 ITs"
                    + " through Maven (mvn verify copies it in pre-integration-test)");
        }
        try {
            Path dir = Files.createTempDirectory("reelhub-s3mock-");
            Path log = dir.resolve("s3mock.log");
            int port = freePort();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                    "--com.adobe.testing.s3mock.httpPort=" + port,
                    "--server.port=" + freePort(),
                    "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store"),
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
                    "--server.address=127.0.0.1");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                        .until(() -> answers(process, port));
            } catch (RuntimeException notUp) {
                String tail = tail(log);
                new S3MockServer(process, dir, port, null).close();
                throw new IllegalStateException("S3Mock did not start:\n" + tail, notUp);
            }
            return new S3MockServer(process, dir, port, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override for the hub's S3 settings. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** How long the process took from start to its first S3 answer. */
    public Duration startTime() {
        return startTime;
    }

    /** The settings a hub or a test uses to reach this server. */
    public S3Access access() {
        return new S3Access(endpoint(), "us-east-1", true, ACCESS_KEY, SECRET_KEY);
    }

    /** A client for the test's own requests (uploads, checks), closed with the server. */
    public synchronized S3Client client() {
        if (client == null) {
            client = access().newClient();
        }
        return client;
    }

    private static boolean answers(Process process, int port) {
        if (!process.isAlive()) {
            throw new IllegalStateException("S3Mock exited with " + process.exitValue());
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
