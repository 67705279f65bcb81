package io.reelhub.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The hub's S3 clients send exactly what an S3-compatible store that predates the SDK's default checksums accepts,
 * checked on the wire: a recording HTTP server stands in for the store and keeps every request's headers.
 */
class S3AccessTest {

    private static final byte[] CONTENT = "brief: 1\n".getBytes(StandardCharsets.UTF_8);

    private HttpServer store;
    private final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStore() throws IOException {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            headers.put(":path", List.of(exchange.getRequestURI().getPath()));
            headers.put(":method", List.of(exchange.getRequestMethod()));
            requests.add(headers);
            exchange.getResponseHeaders().add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
            if ("GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, CONTENT.length);
                exchange.getResponseBody().write(CONTENT);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        store.start();
    }

    @AfterEach
    void stopStore() {
        store.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + store.getAddress().getPort();
    }

    @Test
    void uploadsAndDownloadsCarryNoChecksumTheS3ApiDoesNotRequire() {
        try (S3Client client = new S3Access(endpoint(), "eu-west-1", true, "key", "secret").newClient()) {
            client.putObject(put -> put.bucket("briefs").key("a.yaml"), RequestBody.fromBytes(CONTENT));
            byte[] read = client.getObjectAsBytes(get -> get.bucket("briefs").key("a.yaml")).asByteArray();

            assertThat(read).isEqualTo(CONTENT);
        }

        assertThat(requests).hasSize(2);
        requests.forEach(headers -> assertThat(checksumHeaders(headers)).as("checksum headers").isEmpty());
        assertThat(request("GET").get("x-amz-checksum-mode")).isNull();
        assertThat(request("PUT").get(":path")).as("path-style addressing").containsExactly("/briefs/a.yaml");
    }

    @Test
    void theSdkDefaultsWouldSendAChecksumSoTheTestAboveWouldNotice() {
        try (S3Client defaults = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder())
                .region(Region.EU_WEST_1).forcePathStyle(true).endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build()) {
            defaults.putObject(put -> put.bucket("briefs").key("a.yaml"), RequestBody.fromBytes(CONTENT));
        }

        assertThat(checksumHeaders(request("PUT"))).isNotEmpty();
    }

    @Test
    void keysComeInPairsAndTheSecretIsNeverPrinted() {
        assertThatThrownBy(() -> new S3Access(null, null, false, "key", ""))
                .hasMessageContaining("both an S3 access key and a secret key");
        assertThatThrownBy(() -> new S3Access("minio:9000", null, true, null, null))
                .hasMessageContaining("must be a URL");

        S3Access access = new S3Access("http://minio:9000", "", true, "AKIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG");
        assertThat(access.region()).isEqualTo(S3Access.DEFAULT_REGION);
        assertThat(access.toString()).contains("AKIAEXAMPLE").doesNotContain("wJalrXUtnFEMI");
    }

    private Map<String, List<String>> request(String method) {
        return requests.stream().filter(headers -> List.of(method).equals(headers.get(":method"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " request reached the store"));
    }

    private static List<String> checksumHeaders(Map<String, List<String>> headers) {
        return headers.keySet().stream().map(String::toLowerCase)
                .filter(name -> name.startsWith("x-amz-checksum") || name.startsWith("x-amz-sdk-checksum")
                        || name.equals("x-amz-trailer") || name.equals("content-md5"))
                .toList();
    }
}
