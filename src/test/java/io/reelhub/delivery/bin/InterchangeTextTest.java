package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterchangeTextTest {

    @Test
    void tabsLineBreaksAndControlCharactersLeaveOneLineOfSingleSpaces() {
        assertThat(InterchangeText.oneLine(" a\tb\r\nc\n\n d\u0001e\u00a0 f  ")).isEqualTo("a b c de f");
        assertThat(InterchangeText.oneLine(null)).isEmpty();
    }

    @Test
    void oneLineKeepsQuotesMarkupAndAnyScript() {
        assertThat(InterchangeText.oneLine("\"ça\" <b> & 東京 🎬")).isEqualTo("\"ça\" <b> & 東京 🎬");
    }

    @Test
    void asciiDropsAccentsAndMarksTheRest() {
        assertThat(InterchangeText.ascii("Crème brûlée — “fin” 東京\tok"))
                .isEqualTo("Creme brulee - \"fin\" ?? ok");
        assertThat(InterchangeText.ascii(SampleTimelines.NASTY_PROMPT)).matches("[\\x20-\\x7e]*");
    }

    @Test
    void theLineageSummaryNamesTheAiFlagBriefShotModelAndSeed() {
        assertThat(InterchangeText.lineageSummary(SampleTimelines.shot("sh010", 24, 96))).isEqualTo(
                "AI-generated (trainedAlgorithmicMedia): brief acme-spring-sc01 v001, shot sh010, model veo-3.1 via "
                        + "sandbox, seed 42, provider job sbx-op-sh010");
    }
}
