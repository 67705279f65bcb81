package io.reelhub.delivery.bin;

import io.reelhub.delivery.Lineage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a timeline's clips as an Avid Log Exchange file ({@code .ale}) for Media Composer: a {@code Heading}
 * block (tab-delimited fields, the video format from the picture height, 48 kHz audio, the frame rate), a
 * {@code Column} block naming the fields, and a {@code Data} block with one tab-separated row per clip, in timeline
 * order. Every row has exactly as many fields as there are columns.
 *
 * <p>Start and End are the clip's own source timecode: the delivered files carry none, so they start at
 * {@code 00:00:00:00}, and End is exclusive, as Avid writes it. An ALE has one frame rate, the timeline's; timecodes
 * are non-drop (at 29.97, 30 frames to the timecode second), see {@link Timecode}. Tape is the clip name, which is
 * unique per delivered file; Source File is the file name Media Composer relinks to.
 *
 * <p>Besides those, each row carries the lineage in columns of its own (Shot, Brief, Version, Model, Provider,
 * Provider Job, Seed, AI_Generated, Digital_Source_Type, Prompt, Comments). Free text is put on one line: tabs and
 * line breaks in a prompt would otherwise split a row into wrong fields.
 */
public class AleWriter {

    private record Column(String name, Function<TimelineClip, String> value) {
    }

    public byte[] write(Timeline timeline) {
        FrameRate rate = timeline.rate();
        List<Column> columns = List.of(
                new Column("Name", TimelineClip::name),
                new Column("Tracks", clip -> clip.hasAudio() ? "VA1A2" : "V"),
                new Column("Start", clip -> Timecode.nonDrop(0, rate)),
                new Column("End", clip -> Timecode.nonDrop(timeline.framesOnTimeline(clip), rate)),
                new Column("Duration", clip -> Timecode.nonDrop(timeline.framesOnTimeline(clip), rate)),
                new Column("Tape", TimelineClip::name),
                new Column("Source File", TimelineClip::fileName),
                new Column("Shot", TimelineClip::shotId),
                new Column("Brief", clip -> clip.lineage().briefId()),
                new Column("Version", clip -> clip.lineage().versionLabel()),
                new Column("Model", clip -> clip.lineage().model()),
                new Column("Provider", clip -> clip.lineage().provider()),
                new Column("Provider Job", clip -> clip.lineage().providerJobId()),
                new Column("Seed", clip -> clip.lineage().seed() == null ? null : clip.lineage().seed().toString()),
                new Column("AI_Generated", clip -> clip.lineage().aiGenerated() ? "Yes" : "No"),
                new Column("Digital_Source_Type", clip -> Lineage.TRAINED_ALGORITHMIC_MEDIA),
                new Column("Prompt", clip -> clip.lineage().prompt()),
                new Column("Comments", InterchangeText::lineageSummary));

        StringBuilder ale = new StringBuilder();
        ale.append("Heading\n")
                .append("FIELD_DELIM\tTABS\n")
                .append("VIDEO_FORMAT\t").append(videoFormat(timeline)).append('\n')
                .append("AUDIO_FORMAT\t48khz\n")
                .append("FPS\t").append(rate.label()).append("\n\n");
        ale.append("Column\n").append(String.join("\t", columns.stream().map(Column::name).toList())).append("\n\n");
        ale.append("Data\n");
        for (TimelineClip clip : timeline.clips()) {
            ale.append(String.join("\t", columns.stream()
                    .map(column -> InterchangeText.oneLine(column.value().apply(clip))).toList())).append('\n');
        }
        return ale.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Avid's project format for the tallest picture: {@code 1080}, {@code 720}, {@code PAL}, {@code NTSC}, else
     * {@code CUSTOM} (UHD, vertical and square pictures, and 2K DCI, which is wider than 1920).
     */
    static String videoFormat(Timeline timeline) {
        int height = timeline.clips().stream().mapToInt(TimelineClip::height).max().orElse(0);
        int width = timeline.clips().stream().mapToInt(TimelineClip::width).max().orElse(0);
        return switch (height) {
            case 1080 -> width > 1920 ? "CUSTOM" : "1080";
            case 720 -> "720";
            case 576 -> "PAL";
            case 480, 486 -> "NTSC";
            default -> "CUSTOM";
        };
    }
}
