package io.reelhub.dispatch.declarative;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelhub.brief.GenerationSpec;
import io.reelhub.dispatch.FrameWords;

/** The {@code {name}} placeholders a provider file may use, and their values for one generation. */
final class Placeholders {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    static final Set<String> SUBMIT = Set.of("prompt", "negative", "model", "seconds", "width", "height", "size",
            "aspect", "resolution", "seed", "audio", "idempotency_key", "credential");

    private Placeholders() {
    }

    /** The placeholder names in {@code text} that are not in {@code allowed}. */
    static Set<String> unknown(String text, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    /** Typed values for one generation: null for what it does not have (no seed, no negative prompt). */
    static Map<String, Object> of(GenerationSpec spec, String model, String idempotencyKey, String credential) {
        FrameWords frame = FrameWords.of(spec.width(), spec.height());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("prompt", spec.prompt());
        values.put("negative", spec.negative());
        values.put("model", model);
        values.put("seconds", spec.seconds());
        values.put("width", spec.width());
        values.put("height", spec.height());
        values.put("size", spec.width() + "x" + spec.height());
        values.put("aspect", frame.aspect());
        values.put("resolution", frame.resolution());
        values.put("seed", spec.seed());
        values.put("audio", spec.audio());
        values.put("idempotency_key", idempotencyKey);
        values.put("credential", credential);
        return values;
    }

    /** {@code text} with every placeholder replaced; null when one of them has no value. */
    static String fill(String text, Map<String, Object> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The value a template that is exactly one placeholder stands for, or {@code text} filled as a string. */
    static Object value(String text, Map<String, Object> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        if (matcher.matches()) {
            return values.get(matcher.group(1));
        }
        return fill(text, values);
    }
}
