package io.reelhub.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.reelhub.media.FfmpegBinaries;
import io.reelhub.media.MediaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The standalone sandbox on a random port with its own home folder, shared by the API, fault and SDK tests (one
 * Spring context for all of them). Faults are disarmed before each test; counters accumulate, so tests compare
 * before and after.
 */
@SpringBootTest(classes = SandboxServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reelhub.sandbox.render-time=300ms", "reelhub.sandbox.poll-after=20ms"})
@ActiveProfiles(SandboxServerApplication.PROFILE)
abstract class SandboxApiTestBase {

    static final Path HOME = testHome("sandbox-api-");
    static final MediaProbe PROBE = new MediaProbe(FfmpegBinaries.shipped());

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("reelhub.home", HOME::toString);
    }

    @BeforeEach
    void connect() {
        sandbox = new SandboxHttp(port);
        sandbox.resetFaults();
    }

    /** A fresh folder under target/, so test state never lands in the working tree and `mvn clean` removes it. */
    static Path testHome(String prefix) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-homes"));
            return Files.createTempDirectory(parent, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
