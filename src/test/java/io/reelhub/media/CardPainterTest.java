package io.reelhub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

class CardPainterTest {

    private final FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR).createGraphics()
            .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 20));

    @Test
    void aPromptIsWrappedToTheCardWidth() {
        List<String> lines = CardPainter.wrap(metrics, "one two three four five six seven eight nine ten", 150, 10);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo("one two three four five six seven eight nine ten");
        lines.forEach(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(150));
    }

    @Test
    void aPromptLongerThanTheSpaceEndsWithAnEllipsis() {
        List<String> lines = CardPainter.wrap(metrics, "word ".repeat(200), 150, 3);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).endsWith("…");
        lines.forEach(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(150));
    }

    @Test
    void aWordWiderThanTheCardIsCutRatherThanOverflowing() {
        List<String> lines = CardPainter.wrap(metrics, "https://example.com/" + "x".repeat(80), 150, 10);

        assertThat(lines).hasSizeGreaterThan(1);
        lines.forEach(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(150));
    }

    @Test
    void timecodesCountFramesAtTwentyFourPerSecond() {
        assertThat(CardPainter.timecode(0)).isEqualTo("00:00:00:00");
        assertThat(CardPainter.timecode(23)).isEqualTo("00:00:00:23");
        assertThat(CardPainter.timecode(24 * 61 + 5)).isEqualTo("00:01:01:05");
    }
}
