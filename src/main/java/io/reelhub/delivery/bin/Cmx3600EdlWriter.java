package io.reelhub.delivery.bin;

import io.reelhub.delivery.Lineage;
import java.nio.charset.StandardCharsets;

/**
 * Writes a timeline as a CMX3600 edit decision list ({@code .edl}): one cut event per clip, in timeline order, with
 * record timecodes end to end from {@code 01:00:00:00}, so event n's record out is event n+1's record in.
 *
 * <p>An EDL names no frame rate: it is the timeline's (the reader must be told it, as every EDL importer asks),
 * and the timecode is non-drop ({@code FCM: NON-DROP FRAME}; at 29.97 that is 30 frames to the timecode second).
 * Source in/out are the clip's own timecode, which starts at {@code 00:00:00:00} since the delivered files carry
 * none.
 *
 * <p>Every event's reel is {@code AX}, the name Avid, Premiere and Resolve give file-based sources without a tape:
 * strict CMX allows 8 characters, too few to hold a clip name like {@code sh010_v001} without collisions, and
 * {@code AX} tells the importer to match by the {@code * FROM CLIP NAME:} line (the delivered file's name) that
 * follows each event. {@code * COMMENT:} lines carry the lineage: the AI flag and IPTC source type, model, brief,
 * version, shot, seed and provider job, and the prompt, wrapped. The file is plain ASCII (accents dropped, other
 * characters as {@code ?}), which old EDL readers need.
 */
public class Cmx3600EdlWriter {

    static final String REEL = "AX";
    private static final int TITLE_LIMIT = 70;
    private static final int COMMENT_WIDTH = 70;

    public byte[] write(Timeline timeline) {
        FrameRate rate = timeline.rate();
        if (timeline.clips().size() > 999) {
            throw new IllegalArgumentException("a CMX3600 EDL holds at most 999 events, the timeline has "
                    + timeline.clips().size() + " clips");
        }
        String title = InterchangeText.ascii(timeline.name());
        StringBuilder edl = new StringBuilder()
                .append("TITLE: ").append(title, 0, Math.min(title.length(), TITLE_LIMIT)).append('\n')
                .append("FCM: NON-DROP FRAME\n\n");
        long record = Timecode.oneHour(rate);
        int event = 0;
        for (TimelineClip clip : timeline.clips()) {
            long frames = timeline.framesOnTimeline(clip);
            edl.append("%03d  %-8s %-6s%-9s%s %s %s %s\n".formatted(++event, REEL, clip.hasAudio() ? "B" : "V", "C",
                    Timecode.nonDrop(0, rate), Timecode.nonDrop(frames, rate),
                    Timecode.nonDrop(record, rate), Timecode.nonDrop(record + frames, rate)));
            edl.append("* FROM CLIP NAME: ").append(InterchangeText.ascii(clip.fileName())).append('\n');
            Lineage lineage = clip.lineage();
            comment(edl, "AI-GENERATED (IPTC trainedAlgorithmicMedia) model " + lineage.model()
                    + (lineage.seed() == null ? "" : " seed " + lineage.seed()));
            comment(edl, "brief " + lineage.briefId() + " " + lineage.versionLabel()
                    + (clip.shotId() == null ? "" : " shot " + clip.shotId())
                    + (lineage.providerJobId() == null ? "" : " provider job " + lineage.providerJobId()));
            wrapped(edl, "prompt: " + InterchangeText.ascii(lineage.prompt()));
            edl.append('\n');
            record += frames;
        }
        return edl.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void comment(StringBuilder edl, String text) {
        edl.append("* COMMENT: ").append(InterchangeText.ascii(text)).append('\n');
    }

    /** Long text as several comment lines, broken at spaces where possible. */
    private static void wrapped(StringBuilder edl, String text) {
        String rest = text;
        while (rest.length() > COMMENT_WIDTH) {
            int cut = rest.lastIndexOf(' ', COMMENT_WIDTH);
            if (cut <= 0) {
                cut = COMMENT_WIDTH;
            }
            comment(edl, rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            comment(edl, rest);
        }
    }
}
