package io.reelhub.delivery.bin;

import io.reelhub.delivery.Lineage;
import java.text.Normalizer;

/**
 * How free text from a brief (a prompt, a title) is made safe for the line- and field-based interchange formats,
 * and the one-line lineage summary they all carry. A prompt may hold tabs, line breaks, quotes, {@code <} and
 * {@code &} and any script: ALE fields are tab-separated lines, EDL comments are single ASCII lines, so each format
 * takes the text through the rule it needs rather than trusting the brief.
 */
final class InterchangeText {

    private InterchangeText() {
    }

    /** The text on one line: tabs and line breaks become spaces, other control characters go, runs of spaces shrink. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                    || Character.getType(c) == Character.FORMAT && c != 0x200D) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /**
     * {@link #oneLine} in printable ASCII, for formats read by tools that predate Unicode (CMX3600 EDL): accents
     * are dropped ({@code é} becomes {@code e}), typographic quotes and dashes become their ASCII forms, and any
     * other character becomes {@code ?}.
     */
    static String ascii(String text) {
        String decomposed = Normalizer.normalize(oneLine(text), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                out.append(switch (c) {
                    case 0x2018, 0x2019, 0x201A, 0x2032 -> "'";
                    case 0x201C, 0x201D, 0x201E, 0x2033 -> "\"";
                    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212 -> "-";
                    case 0x2026 -> "...";
                    case 0x00B7, 0x2022 -> "*";
                    case 0x00DF -> "ss";
                    case 0x00C6 -> "AE";
                    case 0x00E6 -> "ae";
                    case 0x00D8 -> "O";
                    case 0x00F8 -> "o";
                    default -> "?";
                });
            }
        }
        return out.toString();
    }

    /**
     * What a clip is and where it came from, in one line every format can carry, e.g.
     * {@code AI-generated (trainedAlgorithmicMedia): brief acme-spring-sc01 v001, shot sh010, model veo-3.1 via
     * sandbox, seed 42, provider job sbx-op-4711}.
     */
    static String lineageSummary(TimelineClip clip) {
        Lineage lineage = clip.lineage();
        String sourceType = Lineage.TRAINED_ALGORITHMIC_MEDIA.substring(
                Lineage.TRAINED_ALGORITHMIC_MEDIA.lastIndexOf('/') + 1);
        StringBuilder text = new StringBuilder("AI-generated (").append(sourceType).append("): brief ")
                .append(lineage.briefId()).append(' ').append(lineage.versionLabel());
        if (clip.shotId() != null) {
            text.append(", shot ").append(clip.shotId());
        }
        text.append(", model ").append(lineage.model());
        if (lineage.provider() != null) {
            text.append(" via ").append(lineage.provider());
        }
        text.append(", ").append(lineage.seed() == null ? "no seed" : "seed " + lineage.seed());
        if (lineage.providerJobId() != null) {
            text.append(", provider job ").append(lineage.providerJobId());
        }
        return oneLine(text.toString());
    }
}
