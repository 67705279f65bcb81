package io.reelhub.social;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelhub.brief.Social;

/**
 * A post's text from the brief: its {@code caption}, then each of its {@code hashtags} the caption does not already
 * carry, as {@code #tag}. The hashtags of a post are the {@code #words} of that text, whoever wrote them, so a
 * reviewer who edits {@code caption.txt} before approving edits the hashtags too.
 */
public final class CaptionText {

    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");

    private CaptionText() {
    }

    public static String of(Social social) {
        String caption = social == null || social.caption() == null ? "" : social.caption().strip();
        if (social == null) {
            return caption;
        }
        List<String> present = hashtagsIn(caption).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        List<String> added = new ArrayList<>();
        for (String tag : social.hashtags()) {
            String key = tag.toLowerCase(Locale.ROOT);
            if (!present.contains(key) && added.stream().noneMatch(a -> a.equalsIgnoreCase(tag))) {
                added.add("#" + tag);
            }
        }
        if (added.isEmpty()) {
            return caption;
        }
        return caption.isEmpty() ? String.join(" ", added) : caption + " " + String.join(" ", added);
    }

    /** The hashtags in {@code text}, without {@code #}, in order, each once (compared without case). */
    public static List<String> hashtagsIn(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = HASHTAG.matcher(text == null ? "" : text);
        while (m.find()) {
            tags.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(1));
        }
        return List.copyOf(tags.values());
    }
}
