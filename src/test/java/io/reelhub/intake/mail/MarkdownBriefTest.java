package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.Test;

class MarkdownBriefTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void frontMatterWithAPromptIsTheBriefAsWritten() {
        String front = "brief: 1\nproject: acme\nprompt: A cat on a roof\n";
        MarkdownBrief.Converted converted = MarkdownBrief.read("---\n" + front + "---\n# Notes\nsome notes\n",
                Optional.empty());
        assertThat(new String(converted.content(), StandardCharsets.UTF_8)).isEqualTo(front);
        assertThat(converted.warnings()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("text below it was not used"));
    }

    @Test
    void headingsBelowTheFrontMatterBecomeThePromptSections() throws Exception {
        JsonNode brief = read("""
                ---
                brief: 1
                project: acme
                params:
                  seconds: 4
                ---
                # Opening hook

                ## Scene
                Rain-soaked neon street: Tokyo, night
                ## Action
                She walks toward camera
                """);
        assertThat(brief.path("project").asText()).isEqualTo("acme");
        assertThat(brief.path("params").path("seconds").asInt()).isEqualTo(4);
        assertThat(brief.path("prompt").path("scene").asText()).isEqualTo("Rain-soaked neon street: Tokyo, night");
        assertThat(brief.path("prompt").path("action").asText()).isEqualTo("She walks toward camera");
    }

    @Test
    void anyOtherTextBelowTheFrontMatterIsAFreeTextPrompt() throws Exception {
        JsonNode brief = read("---\nbrief: 1\nproject: acme\n---\n\nA lighthouse in a storm,\nwaves crashing.\n");
        assertThat(brief.path("prompt").asText()).isEqualTo("A lighthouse in a storm, waves crashing.");
    }

    @Test
    void withoutFrontMatterTheFileIsReadAsFieldLines() throws Exception {
        MarkdownBrief.Converted converted = MarkdownBrief.read("Project: acme\nScene: A field\n", Optional.empty());
        JsonNode brief = YAML.readTree(converted.content());
        assertThat(brief.path("project").asText()).isEqualTo("acme");
        assertThat(brief.path("prompt").path("scene").asText()).isEqualTo("A field");
    }

    private static JsonNode read(String markdown) throws Exception {
        return YAML.readTree(MarkdownBrief.read(markdown, Optional.empty()).content());
    }
}
