package io.reelhub.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class PlainTextBriefTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldLinesBecomeTheBriefFieldsTheyName() throws Exception {
        JsonNode brief = json(PlainTextBrief.read("""
                Project: acme-spring
                Id: sc01
                Title: Opening hook
                Stage: concept
                Model: veo-3.1
                Scene: A street at night
                Characters: A woman in a red coat
                Action: She walks
                Tone: Tense
                Style: 35mm
                Seconds: 8
                Aspect: 16:9
                Resolution: 720p
                Seed: 42
                Negative: text, logos
                Style weight: 0.7
                Audio: no
                Variations: 3
                Destinations: editing-bin, review
                Budget: $12.50
                """, Optional.empty()));

        assertThat(brief.path("brief").asInt()).isEqualTo(1);
        assertThat(brief.path("project").asText()).isEqualTo("acme-spring");
        assertThat(brief.path("id").asText()).isEqualTo("sc01");
        assertThat(brief.path("stage").asText()).isEqualTo("concept");
        assertThat(brief.path("prompt").path("scene").asText()).isEqualTo("A street at night");
        assertThat(brief.path("prompt").path("style").asText()).isEqualTo("35mm");
        assertThat(brief.path("params").path("seconds").isIntegralNumber()).isTrue();
        assertThat(brief.path("params").path("aspect").asText()).isEqualTo("16:9");
        assertThat(brief.path("params").path("style_weight").decimalValue()).isEqualByComparingTo("0.7");
        assertThat(brief.path("params").path("audio").isBoolean()).isTrue();
        assertThat(brief.path("variations").asInt()).isEqualTo(3);
        assertThat(brief.path("destinations")).hasSize(2);
        assertThat(brief.path("budget_usd").decimalValue()).isEqualByComparingTo("12.50");
    }

    @Test
    void wrappedLinesContinueTheirFieldAndGreetingsQuotesAndSignaturesAreLeftOut() throws Exception {
        PlainTextBrief.Parsed parsed = PlainTextBrief.read("""
                Hi team,
                here is the next one.

                scene: A quiet harbour at dawn, soft golden light on
                  wet stone, gulls circling
                ACTION : He coils a rope

                > Scene: an old quoted brief
                Thanks!
                --\s
                Bob, Producer
                Style: not part of the brief
                """, Optional.of("acme-spring"));
        JsonNode brief = json(parsed);

        assertThat(brief.path("prompt").path("scene").asText())
                .isEqualTo("A quiet harbour at dawn, soft golden light on wet stone, gulls circling");
        assertThat(brief.path("prompt").path("action").asText()).isEqualTo("He coils a rope");
        assertThat(brief.path("prompt").has("style")).isFalse();
        assertThat(brief.path("project").asText()).isEqualTo("acme-spring");
    }

    @Test
    void aProjectWrittenInTheTextWinsOverTheSendersDefault() throws Exception {
        JsonNode brief = json(PlainTextBrief.read("Project: other\nScene: x\n", Optional.of("acme-spring")));
        assertThat(brief.path("project").asText()).isEqualTo("other");
    }

    @Test
    void markdownHeadingsWorkLikeFieldLines() throws Exception {
        JsonNode brief = json(PlainTextBrief.read("""
                ## Scene
                A desert road at noon

                with heat haze
                ## Tone:
                Lonely
                """, Optional.empty()));
        assertThat(brief.path("prompt").path("scene").asText()).isEqualTo("A desert road at noon with heat haze");
        assertThat(brief.path("prompt").path("tone").asText()).isEqualTo("Lonely");
    }

    @Test
    void valuesThatAreNotTheirTypeStayTextForTheCheckerToReport() throws Exception {
        JsonNode brief = json(PlainTextBrief.read("Scene: x\nSeconds: eight\nAudio: maybe\n", Optional.empty()));
        assertThat(brief.path("params").path("seconds").asText()).isEqualTo("eight");
        assertThat(brief.path("params").path("audio").asText()).isEqualTo("maybe");
    }

    @Test
    void anUnknownFieldAfterABlankLineIsAWarningNotALostLine() {
        PlainTextBrief.Parsed parsed = PlainTextBrief.read("Scene: x\n\nCamera: slow dolly\n", Optional.empty());
        assertThat(parsed.warnings()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'Camera:' is not a brief field"));
    }

    @Test
    void aTextWithoutPromptFieldsIsNotABrief() {
        assertThat(PlainTextBrief.read("Hi,\nProject: acme\nSee attached.\n", Optional.empty()).hasPrompt()).isFalse();
        assertThat(PlainTextBrief.read("Hi,\nAction: she runs\n", Optional.empty()).hasPrompt()).isTrue();
    }

    @Test
    void errorPathsAreShownWithTheLineTheyCameFrom() {
        assertThat(PlainTextBrief.describe("params.seconds")).isEqualTo("params.seconds (your \"Seconds:\" line)");
        assertThat(PlainTextBrief.describe("prompt.scene")).isEqualTo("prompt.scene (your \"Scene:\" line)");
        assertThat(PlainTextBrief.describe("shots[0].id")).isEqualTo("shots[0].id");
    }

    private static JsonNode json(PlainTextBrief.Parsed parsed) throws Exception {
        return JSON.readTree(parsed.json());
    }
}
