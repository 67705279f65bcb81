package io.reelhub.delivery.storyboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.reelhub.brief.PromptSection;
import io.reelhub.delivery.Lineage;

/**
 * The shot list of a brief version as CSV (for spreadsheets and storyboard tools' CSV import) and JSON (for
 * scripts): per shot its id, order, planned length and place in the brief's timeline, the prompt it was generated
 * from, section by section, the model, seed and version, and the names of its package files. Built only from the
 * brief's plan, so each shot of a multi-shot brief writes the very same bytes.
 */
public final class ShotListFiles {

    /** Version of the JSON layout, so readers can tell a future layout apart. */
    public static final int FORMAT = 1;

    /** CSV prompt columns: the five sections, then {@code prompt} for a free-text prompt. */
    private static final List<String> PROMPT_COLUMNS = promptColumns();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final BriefOutline outline;
    private final int keyframesPerShot;

    public ShotListFiles(BriefOutline outline, int keyframesPerShot) {
        this.outline = outline;
        this.keyframesPerShot = keyframesPerShot;
    }

    public byte[] csv() {
        List<String> header = new ArrayList<>(List.of("shot_id", "order", "seconds", "start_seconds", "end_seconds"));
        header.addAll(PROMPT_COLUMNS);
        header.addAll(List.of("model", "seed", "version", "keyframes", "contact_sheet_png", "contact_sheet_pdf"));
        StringBuilder csv = new StringBuilder();
        row(csv, header);
        for (PlannedShot shot : outline.shots()) {
            List<String> cells = new ArrayList<>(List.of(shot.id(), Integer.toString(shot.order()),
                    Integer.toString(shot.seconds()), seconds(shot.startSeconds()), seconds(shot.endSeconds())));
            Map<String, String> prompt = promptByColumn(shot);
            PROMPT_COLUMNS.forEach(column -> cells.add(prompt.getOrDefault(column, "")));
            cells.addAll(List.of(shot.model(), shot.seed() == null ? "" : shot.seed().toString(),
                    outline.versionLabel(), String.join(";", StoryboardNames.keyframes(shot.id(), keyframesPerShot)),
                    StoryboardNames.contactSheetPng(shot.id()), StoryboardNames.contactSheetPdf(shot.id())));
            row(csv, cells);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("reelhub_shot_list", FORMAT);
        root.put("project", outline.project());
        root.put("brief_id", outline.briefId());
        if (outline.title() != null) {
            root.put("title", outline.title());
        }
        root.put("version", outline.versionLabel());
        root.put("total_seconds", outline.totalSeconds());
        root.put("ai_generated", true);
        root.put("digital_source_type", Lineage.TRAINED_ALGORITHMIC_MEDIA);
        ArrayNode shots = root.putArray("shots");
        for (PlannedShot shot : outline.shots()) {
            ObjectNode node = shots.addObject();
            node.put("id", shot.id());
            node.put("order", shot.order());
            node.put("seconds", shot.seconds());
            node.put("start_seconds", shot.startSeconds());
            node.put("end_seconds", shot.endSeconds());
            ObjectNode prompt = node.putObject("prompt");
            promptByColumn(shot).forEach(prompt::put);
            node.put("model", shot.model());
            if (shot.seed() != null) {
                node.put("seed", shot.seed());
            } else {
                node.putNull("seed");
            }
            node.put("version", outline.versionLabel());
            ObjectNode files = node.putObject("files");
            ArrayNode keyframes = files.putArray("keyframes");
            StoryboardNames.keyframes(shot.id(), keyframesPerShot).forEach(keyframes::add);
            files.put("contact_sheet_png", StoryboardNames.contactSheetPng(shot.id()));
            files.put("contact_sheet_pdf", StoryboardNames.contactSheetPdf(shot.id()));
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a shot list of plain values always serialises", e);
        }
    }

    private static Map<String, String> promptByColumn(PlannedShot shot) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        shot.prompt().forEach(part -> byColumn.put(part.label().toLowerCase(Locale.ROOT), part.text()));
        return byColumn;
    }

    private static List<String> promptColumns() {
        List<String> columns = new ArrayList<>();
        for (PromptSection section : PromptSection.values()) {
            columns.add(section.fieldName());
        }
        columns.add("prompt");
        return List.copyOf(columns);
    }

    /** Seconds as a plain decimal with up to three places, the same on every machine. */
    private static String seconds(double value) {
        return new java.math.BigDecimal(Double.toString(value)).setScale(3, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** One RFC 4180 row: cells with a comma, quote or line break are quoted, quotes doubled; CRLF ends it. */
    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                csv.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }
}
