package io.reelhub.delivery.bin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Cmx3600EdlWriterTest {

    static final Pattern EVENT = Pattern.compile(
            "(\\d{3})  (\\S{1,8}) +(V|B) +C +(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d) "
                    + "(\\d\\d:\\d\\d:\\d\\d:\\d\\d) (\\d\\d:\\d\\d:\\d\\d:\\d\\d)");

    private final Cmx3600EdlWriter writer = new Cmx3600EdlWriter();

    record Event(int number, String reel, String sourceIn, String sourceOut, String recordIn, String recordOut) {
    }

    @ParameterizedTest(name = "{0} fps")
    @ValueSource(doubles = {24, 25, 24000.0 / 1001, 30000.0 / 1001, 30})
    void recordTimecodesRunEndToEndFromOneHourForShotsOfDifferentLengths(double fps) {
        Timeline timeline = SampleTimelines.ofSeconds(fps, 4, 6.5, 8, 1.25);
        FrameRate rate = FrameRate.of(fps);

        List<Event> events = events(writer.write(timeline));

        assertThat(events).hasSize(4);
        assertThat(events.get(0).recordIn()).isEqualTo("01:00:00:00");
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            assertThat(event.number()).isEqualTo(i + 1);
            long frames = timeline.clips().get(i).frames();
            assertThat(event.sourceIn()).isEqualTo("00:00:00:00");
            assertThat(event.sourceOut()).isEqualTo(Timecode.nonDrop(frames, rate));
            assertThat(frames(event.recordOut(), rate) - frames(event.recordIn(), rate)).isEqualTo(frames);
            if (i + 1 < events.size()) {
                assertThat(event.recordOut()).isEqualTo(events.get(i + 1).recordIn());
            }
        }
    }

    @Test
    void theHeaderNamesTheTimelineAndNonDropFrameTimecode() {
        List<String> lines = lines(writer.write(SampleTimelines.ofSeconds(24, 4)));

        assertThat(lines.get(0)).isEqualTo("TITLE: acme-spring-sc01_v001");
        assertThat(lines.get(1)).isEqualTo("FCM: NON-DROP FRAME");
        assertThat(lines.get(3)).isEqualTo(
                "001  AX       V     C        00:00:00:00 00:00:04:00 01:00:00:00 01:00:04:00");
    }

    @Test
    void eachEventNamesItsClipAndCarriesTheLineageInComments() {
        List<String> lines = lines(writer.write(SampleTimelines.ofSeconds(24, 4, 6)));

        assertThat(lines).contains("* FROM CLIP NAME: sh010_v001.mp4", "* FROM CLIP NAME: sh020_v001.mp4",
                "* COMMENT: AI-GENERATED (IPTC trainedAlgorithmicMedia) model veo-3.1 seed 42",
                "* COMMENT: brief acme-spring-sc01 v001 shot sh010 provider job sbx-op-sh010",
                "* COMMENT: prompt: Rain-soaked neon street in Tokyo at night. A woman in a red",
                "* COMMENT: trench coat walks toward camera.");
        assertThat(events(writer.write(SampleTimelines.ofSeconds(24, 4, 6))))
                .allSatisfy(event -> assertThat(event.reel()).isEqualTo("AX").hasSizeLessThanOrEqualTo(8));
    }

    @Test
    void aClipWithAudioIsCutAsPictureAndSound() {
        Timeline timeline = new Timeline("t", List.of(
                SampleTimelines.shot("sh010", 24, 96, SampleTimelines.PROMPT, true, 1280, 720)));

        assertThat(lines(writer.write(timeline))).anyMatch(line -> line.startsWith("001  AX       B     C"));
    }

    @Test
    void anyPromptBecomesPrintableAscii() {
        Timeline timeline = new Timeline("Brief \"東京\"\tcut", List.of(
                SampleTimelines.shot("sh010", 24, 96, SampleTimelines.NASTY_PROMPT, false, 1280, 720)));

        byte[] edl = writer.write(timeline);

        for (byte b : edl) {
            assertThat(b == '\n' || b >= 0x20 && b < 0x7f).as("byte %d", b).isTrue();
        }
        List<String> lines = lines(edl);
        assertThat(lines.get(0)).isEqualTo("TITLE: Brief \"??\" cut");
        assertThat(lines).filteredOn(line -> line.startsWith("* COMMENT: prompt:"))
                .containsExactly("* COMMENT: prompt: She says \"ca va?\" & <whispers> then leaves - 'fin' ?? ? end");
        assertThat(events(edl)).hasSize(1);
    }

    @Test
    void aLongPromptIsWrappedIntoShortCommentLinesThatReadBackAsIt() {
        String prompt = "A slow dolly along a rain-soaked street, neon signs reflected in puddles. ".repeat(8).strip();
        Timeline timeline = new Timeline("t", List.of(
                SampleTimelines.shot("sh010", 24, 96, prompt, false, 1280, 720)));

        List<String> comments = lines(writer.write(timeline)).stream()
                .filter(line -> line.startsWith("* COMMENT: ")).map(line -> line.substring(11)).toList();

        List<String> promptLines = comments.subList(2, comments.size());
        assertThat(promptLines).hasSizeGreaterThan(5).allMatch(line -> line.length() <= 70);
        assertThat(String.join(" ", promptLines)).isEqualTo("prompt: " + prompt);
    }

    static List<Event> events(byte[] edl) {
        List<Event> events = new ArrayList<>();
        for (String line : lines(edl)) {
            Matcher m = EVENT.matcher(line);
            if (m.matches()) {
                events.add(new Event(Integer.parseInt(m.group(1)), m.group(2), m.group(4), m.group(5), m.group(6),
                        m.group(7)));
            } else {
                assertThat(line).as("a line that is not an event").matches("|TITLE: .*|FCM: .*|\\* .*");
            }
        }
        return events;
    }

    static long frames(String timecode, FrameRate rate) {
        String[] parts = timecode.split(":");
        long base = rate.timecodeBase();
        return ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60 + Long.parseLong(parts[2])) * base
                + Long.parseLong(parts[3]);
    }

    private static List<String> lines(byte[] edl) {
        return Arrays.asList(new String(edl, StandardCharsets.US_ASCII).split("\n"));
    }
}
