package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AleWriterTest {

    private final AleWriter writer = new AleWriter();

    @Test
    void theFileHasItsHeadingColumnAndDataBlocksInThatOrder() {
        List<String> lines = lines(writer.write(SampleTimelines.ofSeconds(24, 4, 6)));

        assertThat(lines.get(0)).isEqualTo("Heading");
        int column = lines.indexOf("Column");
        int data = lines.indexOf("Data");
        assertThat(column).isPositive();
        assertThat(data).isGreaterThan(column + 1);
        assertThat(lines.subList(1, column)).contains("FIELD_DELIM\tTABS", "VIDEO_FORMAT\t720",
                "AUDIO_FORMAT\t48khz", "FPS\t24");
        assertThat(lines.get(column + 1).split("\t")).startsWith("Name", "Tracks", "Start", "End")
                .contains("Tape", "Source File", "Brief", "Version", "Model", "Seed", "AI_Generated",
                        "Digital_Source_Type", "Prompt");
    }

    @Test
    void everyRowHasOneFieldPerColumnAndTheShotsComeInTimelineOrder() {
        Timeline timeline = new Timeline("t", List.of(
                SampleTimelines.shot("sh010", 24, 96, SampleTimelines.NASTY_PROMPT, false, 1280, 720),
                SampleTimelines.shot("sh020", 24, 144, "a\tb\tc\nd", true, 1280, 720),
                SampleTimelines.shot("sh030", 24, 48)));

        List<Map<String, String>> rows = rows(writer.write(timeline));

        assertThat(rows).extracting(row -> row.get("Name")).containsExactly("sh010_v001", "sh020_v001", "sh030_v001");
        assertThat(rows.get(0).get("Prompt"))
                .isEqualTo("She says \"ça va?\" & <whispers> then leaves — 'fin' 東京 🎬 end");
        assertThat(rows.get(1).get("Prompt")).isEqualTo("a b c d");
        assertThat(rows.get(1).get("Tracks")).isEqualTo("VA1A2");
        assertThat(rows.get(2).get("Tracks")).isEqualTo("V");
    }

    @Test
    void eachRowCarriesTheClipsSourceFileAndLineage() {
        Map<String, String> row = rows(writer.write(SampleTimelines.ofSeconds(24, 4))).get(0);

        assertThat(row).containsEntry("Tape", "sh010_v001")
                .containsEntry("Source File", "sh010_v001.mp4")
                .containsEntry("Shot", "sh010")
                .containsEntry("Brief", "acme-spring-sc01")
                .containsEntry("Version", "v001")
                .containsEntry("Model", "veo-3.1")
                .containsEntry("Provider Job", "sbx-op-sh010")
                .containsEntry("Seed", "42")
                .containsEntry("AI_Generated", "Yes")
                .containsEntry("Digital_Source_Type",
                        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
                .containsEntry("Prompt", SampleTimelines.PROMPT);
        assertThat(row.get("Comments")).startsWith("AI-generated (trainedAlgorithmicMedia)");
    }

    @ParameterizedTest(name = "{0} fps: {1} frames end at {2}")
    @CsvSource({"23.976, 96, 23.976, 00:00:04:00", "25, 150, 25, 00:00:06:00", "29.97, 120, 29.97, 00:00:04:00",
            "30, 45, 30, 00:00:01:15"})
    void startAndEndAreNonDropTimecodeAtTheClipsRate(double fps, long frames, String label, String end) {
        byte[] ale = writer.write(new Timeline("t", List.of(SampleTimelines.shot("sh010", fps, frames))));

        assertThat(lines(ale)).contains("FPS\t" + label);
        Map<String, String> row = rows(ale).get(0);
        assertThat(row.get("Start")).isEqualTo("00:00:00:00");
        assertThat(row.get("End")).isEqualTo(end);
        assertThat(row.get("Duration")).isEqualTo(end);
    }

    @ParameterizedTest(name = "{0}x{1} is VIDEO_FORMAT {2}")
    @CsvSource({"1920, 1080, 1080", "1280, 720, 720", "2048, 1080, CUSTOM", "1080, 1920, CUSTOM",
            "3840, 2160, CUSTOM", "720, 576, PAL"})
    void theVideoFormatFollowsThePictureHeight(int width, int height, String format) {
        Timeline timeline = new Timeline("t", List.of(
                SampleTimelines.shot("sh010", 24, 96, SampleTimelines.PROMPT, false, width, height)));

        assertThat(lines(writer.write(timeline))).contains("VIDEO_FORMAT\t" + format);
    }

    private static List<String> lines(byte[] ale) {
        String text = new String(ale, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        return Arrays.asList(text.split("\n", -1));
    }

    /** The Data rows keyed by column, checking that each has exactly one field per column. */
    static List<Map<String, String>> rows(byte[] ale) {
        List<String> lines = lines(ale);
        String[] columns = lines.get(lines.indexOf("Column") + 1).split("\t", -1);
        List<String> data = lines.subList(lines.indexOf("Data") + 1, lines.size()).stream()
                .filter(line -> !line.isEmpty()).toList();
        return data.stream().map(line -> {
            String[] fields = line.split("\t", -1);
            assertThat(fields).as("fields of %s", line).hasSize(columns.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                row.put(columns[i], fields[i]);
            }
            return row;
        }).toList();
    }
}
