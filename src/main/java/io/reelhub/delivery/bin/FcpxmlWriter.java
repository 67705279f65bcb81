package io.reelhub.delivery.bin;

import io.reelhub.delivery.Lineage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a timeline as FCPXML 1.10 for Final Cut Pro (DaVinci Resolve imports it too): one {@code event}
 * that holds every clip as an {@code asset-clip}, so it lands in a bin (an event) with its metadata, and a
 * {@code project} whose sequence plays the clips end to end in timeline order.
 *
 * <p>Element order follows the FCPXML 1.10 DTD: {@code fcpxml (resources, library)}, {@code resources} with the
 * {@code format}s before the {@code asset}s that reference them, {@code asset (media-rep, metadata?)},
 * {@code event (asset-clip*, project)}, {@code project (sequence)}, {@code sequence (spine)}, and
 * {@code asset-clip (note?, keyword*, metadata?)}. Every time is a rational number of seconds that is a whole
 * number of frames ({@code 240240/24000s} is 240 frames at 23.976), as Final Cut requires for edit points.
 *
 * <p>Each clip carries its lineage three ways: a {@code note} (one line), a {@code keyword} ({@code AI-generated}
 * and the model, which make keyword collections in the event), and {@code metadata}: the studio reel, scene and take
 * and the Spotlight description (the prompt) that Final Cut shows in its inspector, plus {@code io.reelhub.*} keys
 * with the brief, version, model, seed, provider job and the IPTC digital source type.
 *
 * <p>Media is linked by the {@code file:} URL in each clip ({@link TimelineClip#media()}). Final Cut resolves
 * {@code media-rep} sources as absolute URLs; it does not reliably resolve a relative {@code ./sh010_v001.mp4}
 * against the location of the FCPXML file, which is why the bin writer gives absolute URLs (as the editors' machines
 * see the bins share when {@code editorsBinsUrl} is set).
 */
public class FcpxmlWriter {

    static final String VERSION = "1.10";
    /** AI video is delivered as SDR Rec. 709; Final Cut wants a colour space on formats it has no name for. */
    private static final String REC_709 = "1-1-1 (Rec. 709)";

    /**
     * @param timeline  the clips in timeline order
     * @param eventName the event (bin) the clips land in, e.g. the brief id
     * @return the UTF-8 FCPXML document
     */
    public byte[] write(Timeline timeline, String eventName) {
        Map<FormatKey, String> formats = new LinkedHashMap<>();
        for (TimelineClip clip : timeline.clips()) {
            formats.putIfAbsent(FormatKey.of(clip), "r" + (formats.size() + 1));
        }
        List<String> assetIds = new ArrayList<>();
        for (int i = 0; i < timeline.clips().size(); i++) {
            assetIds.add("r" + (formats.size() + i + 1));
        }

        XmlOut xml = new XmlOut().raw("<!DOCTYPE fcpxml>").open("fcpxml", "version", VERSION);
        xml.open("resources");
        formats.forEach((format, id) -> xml.empty("format", "id", id, "name", format.name(),
                "frameDuration", format.rate().frameDuration(), "width", positive(format.width()),
                "height", positive(format.height()), "colorSpace", REC_709));
        for (int i = 0; i < timeline.clips().size(); i++) {
            TimelineClip clip = timeline.clips().get(i);
            FrameRate rate = clip.frameRate();
            xml.open("asset", "id", assetIds.get(i), "name", clip.name(), "start", "0s",
                    "duration", rate.rationalSeconds(clip.frames()), "hasVideo", "1", "videoSources", "1",
                    "format", formats.get(FormatKey.of(clip)),
                    "hasAudio", clip.hasAudio() ? "1" : null, "audioSources", clip.hasAudio() ? "1" : null);
            xml.empty("media-rep", "kind", "original-media", "src", clip.media().toASCIIString());
            xml.close("asset");
        }
        xml.close("resources");

        xml.open("library").open("event", "name", eventName);
        // The event's clips are what an editor finds in the bin, each lasting its whole media at its own rate.
        for (int i = 0; i < timeline.clips().size(); i++) {
            TimelineClip clip = timeline.clips().get(i);
            FrameRate rate = clip.frameRate();
            xml.open("asset-clip", "ref", assetIds.get(i), "name", clip.name(), "start", "0s",
                    "duration", rate.rationalSeconds(clip.frames()), "format", formats.get(FormatKey.of(clip)),
                    "tcFormat", "NDF");
            lineage(xml, clip, rate.rationalSeconds(clip.frames()));
            xml.close("asset-clip");
        }
        sequence(xml, timeline, formats, assetIds);
        xml.close("event").close("library");
        return xml.close("fcpxml").bytes();
    }

    /** The project: the clips end to end from 01:00:00:00, in timeline frames, so every cut is on a frame. */
    private static void sequence(XmlOut xml, Timeline timeline, Map<FormatKey, String> formats,
                                 List<String> assetIds) {
        FrameRate rate = timeline.rate();
        long start = Timecode.oneHour(rate);
        xml.open("project", "name", timeline.name());
        xml.open("sequence", "format", formats.get(FormatKey.of(timeline.clips().get(0))),
                "duration", rate.rationalSeconds(timeline.frames()), "tcStart", rate.rationalSeconds(start),
                "tcFormat", "NDF", "audioLayout", "stereo", "audioRate", "48k");
        xml.open("spine");
        long offset = start;
        for (int i = 0; i < timeline.clips().size(); i++) {
            TimelineClip clip = timeline.clips().get(i);
            long frames = timeline.framesOnTimeline(clip);
            xml.open("asset-clip", "ref", assetIds.get(i), "offset", rate.rationalSeconds(offset),
                    "name", clip.name(), "start", "0s", "duration", rate.rationalSeconds(frames),
                    "format", formats.get(FormatKey.of(clip)), "tcFormat", "NDF");
            lineage(xml, clip, clip.frameRate().rationalSeconds(clip.frames()));
            xml.close("asset-clip");
            offset += frames;
        }
        xml.close("spine").close("sequence").close("project");
    }

    /** note, keyword, metadata: the order the DTD gives an asset-clip's children. */
    private static void lineage(XmlOut xml, TimelineClip clip, String clipDuration) {
        Lineage lineage = clip.lineage();
        xml.textElement("note", InterchangeText.lineageSummary(clip));
        // A keyword value is a comma-separated list: a comma inside the model id must not split it.
        xml.empty("keyword", "start", "0s", "duration", clipDuration,
                "value", "AI-generated, " + InterchangeText.oneLine(lineage.model()).replace(',', ' '));
        xml.open("metadata");
        md(xml, "com.apple.proapps.studio.reel", clip.name());
        md(xml, "com.apple.proapps.studio.scene", clip.shotId());
        md(xml, "com.apple.proapps.studio.take", lineage.versionLabel());
        md(xml, "com.apple.proapps.spotlight.kMDItemDescription", lineage.prompt());
        md(xml, "io.reelhub.brief-id", lineage.briefId());
        md(xml, "io.reelhub.version", lineage.versionLabel());
        md(xml, "io.reelhub.model", lineage.model());
        md(xml, "io.reelhub.provider", lineage.provider());
        md(xml, "io.reelhub.provider-job-id", lineage.providerJobId());
        md(xml, "io.reelhub.seed", lineage.seed() == null ? null : lineage.seed().toString());
        md(xml, "io.reelhub.job-id", lineage.jobId());
        md(xml, "io.reelhub.ai-generated", Boolean.toString(lineage.aiGenerated()));
        md(xml, "io.reelhub.digital-source-type", lineage.digitalSourceType());
        xml.close("metadata");
    }

    private static void md(XmlOut xml, String key, String value) {
        if (value != null) {
            xml.empty("md", "key", key, "value", value);
        }
    }

    private static String positive(int value) {
        return value > 0 ? Integer.toString(value) : null;
    }

    /** Clips that share rate and size share one {@code format} resource. */
    private record FormatKey(FrameRate rate, int width, int height) {

        static FormatKey of(TimelineClip clip) {
            return new FormatKey(clip.frameRate(), clip.width(), clip.height());
        }

        /**
         * Final Cut's own name for the standard formats ({@code FFVideoFormat1080p2398}); other formats (vertical,
         * square, unusual rates) go nameless and are defined by their frame duration, size and colour space, which
         * Final Cut accepts for any format, where a name it does not know would be an import warning.
         */
        String name() {
            String size = switch (width + "x" + height) {
                case "1280x720" -> "720p";
                case "1920x1080" -> "1080p";
                case "3840x2160" -> "3840x2160p";
                case "4096x2160" -> "4096x2160p";
                default -> null;
            };
            String fps = switch (rate.label()) {
                case "23.976" -> "2398";
                case "29.97" -> "2997";
                case "59.94" -> "5994";
                case "24", "25", "30", "50", "60" -> rate.label();
                default -> null;
            };
            return size == null || fps == null ? null : "FFVideoFormat" + size + fps;
        }
    }
}
