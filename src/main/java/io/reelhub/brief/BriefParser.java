package io.reelhub.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ResolutionTier;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a brief file (format version 1, YAML or JSON) and reports every problem in it at once: an author fixing a
 * brief should not discover its errors one upload at a time. This checks the brief on its own; what the chosen
 * model accepts is {@link BriefValidator}'s part.
 */
public final class BriefParser {

    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    public static final int FORMAT_VERSION = 1;
    public static final int MAX_VARIATIONS = 16;
    /** Each shot is a paid generation; a list longer than any real sequence is more likely a mistake. */
    public static final int MAX_SHOTS = 64;
    /** Providers that take a seed take a 32-bit unsigned one; variations add to it, so it must stay in range. */
    public static final long MAX_SEED = 4_294_967_295L;
    /** Stage assumed when a brief names none: the stage whose delivery (an editing bin) loses nothing. */
    public static final Stage DEFAULT_STAGE = Stage.POST_PRODUCTION;

    private static final Set<String> FIELDS = Set.of("brief", "id", "project", "title", "stage", "model",
            "intent", "prompt", "params", "shots", "variations", "destinations", "social", "callback", "budget_usd",
            "retired_model");
    private static final Set<String> PARAM_FIELDS = Set.of("seconds", "aspect", "size", "resolution", "seed",
            "negative", "style_weight", "audio");
    private static final Set<String> SHOT_FIELDS = Set.of("id", "action", "seconds");
    private static final Set<String> SOCIAL_FIELDS = Set.of("platforms", "caption", "schedule_at", "hashtags");
    /** A hashtag as platforms take it: letters, digits and underscores, with or without its {@code #}. */
    private static final Pattern HASHTAG = Pattern.compile("#?[\\p{L}\\p{N}_]{1,100}");
    private static final Set<String> SECTION_FIELDS = Arrays.stream(PromptSection.values())
            .map(PromptSection::fieldName).collect(Collectors.toUnmodifiableSet());
    private static final Pattern ASPECT = Pattern.compile("[1-9][0-9]?:[1-9][0-9]?");

    private final long maxBytes;
    private final BriefText text;
    private final BriefDocument document;

    public BriefParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest file accepted; larger ones are refused before they are parsed */
    public BriefParser(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.text = new BriefText(maxBytes);
        this.document = new BriefDocument(maxBytes);
    }

    /**
     * @param content  the file's raw bytes
     * @param fileName the file's name, used to tell JSON from YAML and to derive the id when the brief has none;
     *                 may be null for bodies that have no name
     */
    /** The largest brief accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public BriefReport parse(byte[] content, String fileName) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Optional<JsonNode> root = text.decode(content, errors).flatMap(t -> document.read(t, fileName, errors));
        if (root.isEmpty()) {
            return new BriefReport(null, errors, warnings);
        }
        if (!(root.get() instanceof ObjectNode fields)) {
            errors.add(new Problem("", "a brief is a mapping of fields (brief: 1, project: ..., prompt: ...);"
                    + " this file holds " + FieldReader.describe(root.get())));
            return new BriefReport(null, errors, warnings);
        }
        FieldReader read = new FieldReader(errors, warnings);
        read.warnUnknown(fields, FIELDS, "");
        checkFormat(fields.get("brief"), read);
        String id = id(fields.get("id"), fileName, read);
        String project = project(fields.get("project"), read);
        String title = read.text(fields.get("title"), "title").map(String::trim).orElse(null);
        Stage stage = stage(fields.get("stage"), read);
        String model = model(fields.get("model"), read);
        List<String> intent = read.texts(fields.get("intent"), "intent").stream()
                .map(i -> i.trim().toLowerCase(Locale.ROOT)).toList();
        Prompt prompt = prompt(fields.get("prompt"), read);
        BriefParams params = params(fields.get("params"), read);
        List<Shot> shots = shots(fields.get("shots"), read);
        int variations = variations(fields.get("variations"), shots, stage, read);
        List<String> destinations = ids(fields.get("destinations"), "destinations", read);
        Social social = social(fields.get("social"), read);
        URI callback = callback(fields.get("callback"), read);
        BigDecimal budget = budget(fields.get("budget_usd"), read);
        String retiredModel = retiredModel(fields.get("retired_model"), read, errors);
        Brief brief = errors.isEmpty()
                ? new Brief(FORMAT_VERSION, id, project, title, stage, model, intent, prompt, params, shots,
                variations, destinations, social, callback, budget, retiredModel)
                : null;
        return new BriefReport(brief, errors, warnings);
    }

    /** {@code retired_model: reject} (the default) or {@code remap} to the catalog's replacement. */
    private static String retiredModel(JsonNode node, FieldReader read, List<Problem> errors) {
        String value = read.text(node, "retired_model").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (value != null && !value.equals("reject") && !value.equals(Brief.REMAP_RETIRED)) {
            errors.add(new Problem("retired_model", "'" + value + "' is not one of reject, remap"));
        }
        return value;
    }

    private static void checkFormat(JsonNode node, FieldReader read) {
        if (FieldReader.absent(node)) {
            read.error("brief", "missing format version: add 'brief: " + FORMAT_VERSION + "' (supported: "
                    + FORMAT_VERSION + ")");
        } else if (!node.isValueNode() || !String.valueOf(FORMAT_VERSION).equals(node.asText().trim())) {
            String found = node.isValueNode() ? node.asText() : FieldReader.describe(node);
            read.error("brief", "format version " + found + " is not supported; supported: " + FORMAT_VERSION);
        }
    }

    private static String id(JsonNode node, String fileName, FieldReader read) {
        Optional<String> given = read.text(node, "id").map(String::trim);
        if (given.isPresent()) {
            SafeId.problem(given.get()).ifPresent(p -> read.error("id", p));
            return given.get();
        }
        if (fileName == null || fileName.isBlank()) {
            read.error("id", "missing, and there is no file name to derive it from; add an id");
            return null;
        }
        String derived = SafeId.fromFileName(fileName);
        SafeId.problem(derived).ifPresent(p -> read.error("id", "none given, and the one derived from the file"
                + " name is not usable (" + p + "); add an id"));
        return derived;
    }

    private static String project(JsonNode node, FieldReader read) {
        Optional<String> project = read.text(node, "project").map(String::trim);
        if (project.isEmpty() && FieldReader.absent(node)) {
            read.error("project", "missing: every brief belongs to a project, e.g. project: acme-spring");
        }
        project.flatMap(SafeId::problem).ifPresent(p -> read.error("project", p));
        return project.orElse(null);
    }

    private static Stage stage(JsonNode node, FieldReader read) {
        Optional<String> written = read.text(node, "stage").map(String::trim);
        if (written.isEmpty()) {
            if (FieldReader.absent(node)) {
                read.warn("stage", "no stage given; using " + DEFAULT_STAGE.wireName()
                        + " (stages: " + Stage.allowed() + ")");
            }
            return DEFAULT_STAGE;
        }
        Optional<Stage> stage = Stage.fromWire(written.get().toLowerCase(Locale.ROOT));
        if (stage.isEmpty()) {
            read.error("stage", "'" + written.get() + "' is not a stage; allowed: " + Stage.allowed());
        }
        return stage.orElse(DEFAULT_STAGE);
    }

    private static String model(JsonNode node, FieldReader read) {
        Optional<String> model = read.text(node, "model").map(String::trim);
        if (model.isPresent() && model.get().isEmpty()) {
            read.error("model", "empty: name a catalog model, an alias or auto, or leave the field out");
        }
        return model.filter(m -> !m.isEmpty()).orElse(null);
    }

    private static Prompt prompt(JsonNode node, FieldReader read) {
        if (FieldReader.absent(node)) {
            read.error("prompt", "missing: give free text, or the sections " + PromptSection.allowed());
            return null;
        }
        if (node.isValueNode()) {
            String text = node.asText().trim();
            if (text.isEmpty()) {
                read.error("prompt", "empty: give free text, or the sections " + PromptSection.allowed());
                return null;
            }
            return Prompt.freeText(text);
        }
        Optional<ObjectNode> sections = read.mapping(node, "prompt");
        if (sections.isEmpty()) {
            return null;
        }
        read.warnUnknown(sections.get(), SECTION_FIELDS, "prompt");
        Map<PromptSection, String> values = new HashMap<>();
        for (PromptSection section : PromptSection.values()) {
            read.text(sections.get().get(section.fieldName()), section.path())
                    .map(String::trim).filter(s -> !s.isEmpty())
                    .ifPresent(value -> values.put(section, value));
        }
        if (values.isEmpty()) {
            read.error("prompt", "has none of the sections " + PromptSection.allowed());
            return null;
        }
        return Prompt.sections(values.get(PromptSection.SCENE), values.get(PromptSection.CHARACTERS),
                values.get(PromptSection.ACTION), values.get(PromptSection.TONE), values.get(PromptSection.STYLE));
    }

    private static BriefParams params(JsonNode node, FieldReader read) {
        Optional<ObjectNode> found = read.mapping(node, "params");
        if (found.isEmpty()) {
            return BriefParams.NONE;
        }
        ObjectNode params = found.get();
        read.warnUnknown(params, PARAM_FIELDS, "params");
        Integer seconds = positive(params.get("seconds"), "params.seconds", read);
        String aspect = read.text(params.get("aspect"), "params.aspect").map(String::trim).orElse(null);
        if (aspect != null && !ASPECT.matcher(aspect).matches()) {
            read.error("params.aspect", "'" + aspect + "' is not an aspect ratio such as \"16:9\", \"9:16\" or"
                    + " \"1:1\" (in quotes, so YAML keeps it as text)");
            aspect = null;
        }
        FrameSize size = read.text(params.get("size"), "params.size").map(String::trim).map(written ->
                FrameSize.parse(written).orElseGet(() -> {
                    read.error("params.size", "'" + written + "' is not WIDTHxHEIGHT, e.g. 1280x720");
                    return null;
                })).orElse(null);
        ResolutionTier resolution = read.text(params.get("resolution"), "params.resolution")
                .map(w -> w.trim().toLowerCase(Locale.ROOT)).map(written ->
                        ResolutionTier.fromWire(written).orElseGet(() -> {
                            read.error("params.resolution", "'" + written + "' is not a resolution; allowed: "
                                    + Arrays.stream(ResolutionTier.values()).map(ResolutionTier::wireName)
                                    .collect(Collectors.joining(", ")));
                            return null;
                        })).orElse(null);
        Long seed = read.whole(params.get("seed"), "params.seed").filter(s -> {
            if (s < 0 || s > MAX_SEED) {
                read.error("params.seed", "seed must be between 0 and " + MAX_SEED + ", found " + s);
                return false;
            }
            return true;
        }).orElse(null);
        List<String> negatives = read.texts(params.get("negative"), "params.negative");
        String negative = negatives.stream().map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
        Double styleWeight = read.decimal(params.get("style_weight"), "params.style_weight").filter(w -> {
            if (w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
                read.error("params.style_weight", "must be between 0 and 1, found " + w.toPlainString());
                return false;
            }
            return true;
        }).map(BigDecimal::doubleValue).orElse(null);
        Boolean audio = read.bool(params.get("audio"), "params.audio").orElse(null);
        return new BriefParams(seconds, aspect, size, resolution, seed, negative.isEmpty() ? null : negative,
                styleWeight, audio);
    }

    private static List<Shot> shots(JsonNode node, FieldReader read) {
        List<Shot> shots = new ArrayList<>();
        if (FieldReader.absent(node)) {
            return shots;
        }
        if (!node.isArray()) {
            read.error("shots", "expected a list of shots, found " + FieldReader.describe(node));
            return shots;
        }
        if (node.isEmpty()) {
            read.error("shots", "the list is empty; leave shots out for a single generation");
        } else if (node.size() > MAX_SHOTS) {
            read.error("shots", node.size() + " shots; at most " + MAX_SHOTS + " per brief (each is a paid"
                    + " generation): split the sequence into several briefs");
            return shots;
        }
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "shots[" + i + "]";
            Optional<ObjectNode> shot = read.mapping(node.get(i), at);
            if (shot.isEmpty()) {
                if (FieldReader.absent(node.get(i))) {
                    read.error(at, "an empty shot; give at least an action");
                }
                continue;
            }
            read.warnUnknown(shot.get(), SHOT_FIELDS, at);
            // Editors number shots in tens (sh010, sh020) so inserts fit between; derived ids do the same.
            String id = read.text(shot.get().get("id"), at + ".id").map(String::trim)
                    .orElse(String.format("sh%03d", (i + 1) * 10));
            SafeId.problem(id).ifPresent(p -> read.error(at + ".id", p));
            Integer earlier = firstUse.putIfAbsent(id, i);
            if (earlier != null) {
                read.error(at + ".id", "'" + id + "' is already the id of shots[" + earlier + "]; shot ids must"
                        + " be unique");
            }
            String action = read.text(shot.get().get("action"), at + ".action").map(String::trim)
                    .filter(a -> !a.isEmpty()).orElse(null);
            Integer seconds = positive(shot.get().get("seconds"), at + ".seconds", read);
            shots.add(new Shot(id, action, seconds));
        }
        return shots;
    }

    private static int variations(JsonNode node, List<Shot> shots, Stage stage, FieldReader read) {
        int variations = read.integer(node, "variations").orElse(1);
        if (variations < 1 || variations > MAX_VARIATIONS) {
            read.error("variations", "must be between 1 and " + MAX_VARIATIONS + ", found " + variations);
            return 1;
        }
        if (variations > 1 && !shots.isEmpty()) {
            read.error("variations", "variations and shots cannot be combined: variations are takes of one"
                    + " clip, shots are a sequence");
        } else if (variations > 1 && stage != Stage.CONCEPT) {
            read.warn("variations", variations + " variations on the " + stage.wireName() + " stage; they are"
                    + " meant for concept, and each one is a paid generation");
        }
        return variations;
    }

    private static List<String> ids(JsonNode node, String path, FieldReader read) {
        List<String> ids = read.texts(node, path).stream().map(String::trim).toList();
        for (int i = 0; i < ids.size(); i++) {
            String at = path + "[" + i + "]";
            SafeId.problem(ids.get(i)).ifPresent(p -> read.error(at, p));
        }
        return ids;
    }

    private static Social social(JsonNode node, FieldReader read) {
        Optional<ObjectNode> found = read.mapping(node, "social");
        if (found.isEmpty()) {
            return null;
        }
        ObjectNode social = found.get();
        read.warnUnknown(social, SOCIAL_FIELDS, "social");
        List<String> platforms = read.texts(social.get("platforms"), "social.platforms").stream()
                .map(p -> p.trim().toLowerCase(Locale.ROOT)).toList();
        String caption = read.text(social.get("caption"), "social.caption").orElse(null);
        OffsetDateTime scheduleAt = read.text(social.get("schedule_at"), "social.schedule_at").map(String::trim)
                .map(written -> {
                    try {
                        return OffsetDateTime.parse(written);
                    } catch (DateTimeParseException e) {
                        read.error("social.schedule_at", "'" + written + "' is not a date and time with a zone,"
                                + " such as 2026-12-01T09:00:00Z");
                        return null;
                    }
                }).orElse(null);
        List<String> hashtags = new ArrayList<>();
        List<String> written = read.texts(social.get("hashtags"), "social.hashtags");
        for (int i = 0; i < written.size(); i++) {
            String tag = written.get(i).trim();
            if (HASHTAG.matcher(tag).matches()) {
                hashtags.add(tag.startsWith("#") ? tag.substring(1) : tag);
            } else {
                read.error("social.hashtags[" + i + "]", "'" + tag + "' is not a hashtag: one word of letters,"
                        + " digits and underscores, at most 100, with or without its #");
            }
        }
        return new Social(platforms, caption, scheduleAt, hashtags);
    }

    private static URI callback(JsonNode node, FieldReader read) {
        Optional<String> written = read.text(node, "callback").map(String::trim);
        if (written.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(written.get());
        } catch (URISyntaxException e) {
            read.error("callback", "'" + written.get() + "' is not a URL: " + e.getReason());
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            // The URL is not echoed: it holds a credential, and reports must never carry one.
            read.error("callback", "must not carry a user name or password; the hub signs its callbacks");
            return null;
        }
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            read.error("callback", "'" + written.get() + "' is not an http or https URL");
            return null;
        }
        return uri;
    }

    private static BigDecimal budget(JsonNode node, FieldReader read) {
        Optional<BigDecimal> budget = read.decimal(node, "budget_usd");
        if (budget.isPresent() && budget.get().signum() < 0) {
            read.error("budget_usd", "must be 0 or more, found " + budget.get().toPlainString());
            return null;
        }
        return budget.orElse(null);
    }

    private static Integer positive(JsonNode node, String path, FieldReader read) {
        return read.integer(node, path).filter(value -> {
            if (value <= 0) {
                read.error(path, "must be more than 0, found " + value);
                return false;
            }
            return true;
        }).orElse(null);
    }
}
