package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Deliveries as the hub's delivery routes hand them over, with a small real file standing in for the clip. */
final class SampleDeliveries {

    static final Instant CREATED = Instant.parse("2026-10-21T08:00:00Z");
    static final Instant RENDERED = Instant.parse("2026-10-21T08:03:12.500Z");

    private SampleDeliveries() {
    }

    /** A few bytes are enough: the bin writer copies and hashes the clip but never decodes it. */
    static Path clipFile(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Delivery delivery(Path clip, int version) {
        return delivery("acme-spring", "acme-spring-sc01", "sh010", version, clip);
    }

    static Delivery delivery(String project, String briefId, String shot, int version, Path clip) {
        return new Delivery("job-0007", briefId, project, version, shot, "post-production", "Opening hook",
                "veo-3.1", "sandbox", "sbx-op-4711", 42L,
                "Rain-soaked neon street in Tokyo at night. A woman in a red trench coat walks toward camera.",
                new BigDecimal("3.20"), true, clip, 1280, 720, 8.0, 24.0, CREATED, RENDERED);
    }
}
