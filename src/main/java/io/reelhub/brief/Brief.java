package io.reelhub.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/**
 * A parsed brief, format version 1: one text-to-video request. Field names serialise as a brief file writes them,
 * so a brief written back as JSON reads again as the same brief.
 *
 * @param format       the format version ({@code brief:} in the file), always 1 here
 * @param id           the brief id, given or derived from the file name
 * @param project      the project it belongs to
 * @param title        free text, may be null
 * @param stage        the production stage it serves
 * @param model        a catalog id, an alias or {@code auto}; null means the hub's default model
 * @param intent       what matters most in the result; used to route {@code model: auto}
 * @param prompt       what to show
 * @param params       rendering parameters; {@link BriefParams#NONE} when none were given
 * @param shots        one generation per shot, in timeline order; empty for a single generation
 * @param variations   how many takes with different seeds (concept stage), 1 otherwise
 * @param destinations destinations overriding the stage table; empty keeps the table's
 * @param social       publishing details for the social stage, may be null
 * @param callback     where to send the signed result webhook, may be null
 * @param budgetUsd    the most this brief may cost, may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Brief(
        @JsonProperty("brief") int format,
        String id,
        String project,
        String title,
        Stage stage,
        String model,
        List<String> intent,
        Prompt prompt,
        BriefParams params,
        List<Shot> shots,
        int variations,
        List<String> destinations,
        Social social,
        URI callback,
        @JsonProperty("budget_usd") BigDecimal budgetUsd,
        @JsonProperty("retired_model") String retiredModel) {

    /** {@code retired_model: remap}: a retired model may be replaced by the catalog's replacement. */
    public static final String REMAP_RETIRED = "remap";

    public Brief(int format, String id, String project, String title, Stage stage, String model, List<String> intent,
                 Prompt prompt, BriefParams params, List<Shot> shots, int variations, List<String> destinations,
                 Social social, URI callback, BigDecimal budgetUsd) {
        this(format, id, project, title, stage, model, intent, prompt, params, shots, variations, destinations, social,
                callback, budgetUsd, null);
    }

    public boolean allowsRetiredRemap() {
        return REMAP_RETIRED.equals(retiredModel);
    }

    public Brief {
        intent = intent == null ? List.of() : List.copyOf(intent);
        shots = shots == null ? List.of() : List.copyOf(shots);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        params = params == null ? BriefParams.NONE : params;
    }
}
