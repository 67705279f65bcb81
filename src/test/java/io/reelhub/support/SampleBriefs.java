package io.reelhub.support;

import java.nio.charset.StandardCharsets;

/** A valid, lint-clean brief for tests that need one and do not care about its content. */
public final class SampleBriefs {

    private SampleBriefs() {
    }

    public static String harbour(String project, String id) {
        return """
                brief: 1
                id: %s
                project: %s
                stage: post-production
                model: veo-3.1
                prompt:
                  scene: A quiet harbour at dawn, soft golden light
                  characters: An old fisherman in a yellow raincoat, grey beard
                  action: He coils a rope, then looks up as gulls pass overhead
                  tone: Calm, unhurried
                  style: 35mm film, natural light
                params: {seconds: 4, aspect: "16:9", resolution: 720p}
                """.formatted(id, project);
    }

    public static byte[] harbourBytes(String project, String id) {
        return harbour(project, id).getBytes(StandardCharsets.UTF_8);
    }
}
