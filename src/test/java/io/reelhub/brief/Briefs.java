package io.reelhub.brief;

import io.reelhub.catalog.ModelCatalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Shared fixtures: the shipped catalog and a small valid brief to vary. */
final class Briefs {

    static final Path SHIPPED_CATALOG = Path.of("connectors/model-catalog.yaml");
    static final Path EXAMPLES = Path.of("examples/briefs");

    static final String MINIMAL = """
            brief: 1
            id: test-brief
            project: acme-spring
            stage: post-production
            model: veo-3.1
            prompt:
              scene: Rain-soaked neon street in Tokyo at night
              characters: A woman in her 30s, short black bob, red trench coat
              action: She walks toward camera, then stops
              tone: Tense
              style: Anamorphic 35mm
            params:
              seconds: 4
              aspect: "16:9"
              resolution: 720p
            """;

    private Briefs() {
    }

    static ModelCatalog catalog() {
        return ModelCatalog.load(SHIPPED_CATALOG);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The minimal brief with one line replaced, e.g. {@code with("seconds: 4", "seconds: 7")}. */
    static String with(String line, String replacement) {
        if (!MINIMAL.contains(line)) {
            throw new IllegalArgumentException("not in the minimal brief: " + line);
        }
        return MINIMAL.replace(line, replacement);
    }
}
