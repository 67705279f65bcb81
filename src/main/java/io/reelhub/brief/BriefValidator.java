package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.Lifecycle;
import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;
import io.reelhub.catalog.ResolutionTier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a parsed brief against the model it names: that the model exists and is not retired, and that it takes
 * the requested length, size, seed and negative prompt; then plans the generations and holds them to the brief's
 * budget. A brief failing here fails at intake, with the allowed values, instead of at a provider after a queue.
 */
public final class BriefValidator {

    private final ModelCatalog catalog;
    private final AutoModelRouter router;
    private final String defaultModel;
    private final BriefPlanner planner;
    private final java.util.Set<String> remapProjects;

    /**
     * @param defaultModel the model for briefs that name none; must be in the catalog and not retired
     * @throws IllegalStateException when the default model or a routing target is not usable, so a
     *                               configuration mistake stops start-up instead of rejecting every brief
     */
    public BriefValidator(ModelCatalog catalog, AutoModelRouter router, String defaultModel, BriefPlanner planner) {
        this(catalog, router, defaultModel, planner, java.util.Set.of());
    }

    /**
     * @param remapProjects projects whose policy replaces a retired model by the catalog's replacement, as a brief
     *                      may ask for itself with {@code retired_model: remap}
     */
    public BriefValidator(ModelCatalog catalog, AutoModelRouter router, String defaultModel, BriefPlanner planner,
                          java.util.Set<String> remapProjects) {
        this.remapProjects = java.util.Set.copyOf(remapProjects);
        this.catalog = catalog;
        this.router = router;
        this.defaultModel = defaultModel;
        this.planner = planner;
        requireUsable(defaultModel, "the default model (reelhub.brief.default-model)");
        router.targets().forEach(target -> requireUsable(target, "the model: auto routing target"));
    }

    public BriefValidation validate(Brief brief) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Optional<ModelSpec> resolved = resolveModel(brief, errors, warnings);
        if (resolved.isEmpty()) {
            return new BriefValidation(null, null, List.of(), errors, warnings);
        }
        ModelSpec model = resolved.get();
        FrameSize size = resolveSize(brief.params(), model, errors);
        int seconds = resolveSeconds(brief, model, errors);
        checkOptionalFeatures(brief.params(), model, warnings);
        List<GenerationSpec> plan = List.of();
        if (errors.isEmpty()) {
            plan = planner.plan(brief, model, size, seconds);
            checkBudget(brief, plan, errors);
        }
        return new BriefValidation(model, size, plan, errors, warnings);
    }

    private Optional<ModelSpec> resolveModel(Brief brief, List<Problem> errors, List<Problem> warnings) {
        String named = brief.model() == null ? defaultModel : brief.model();
        String lookup = named;
        if (AutoModelRouter.AUTO.equals(named)) {
            lookup = router.route(brief.intent());
            for (int i = 0; i < brief.intent().size(); i++) {
                String intent = brief.intent().get(i);
                if (!router.intents().contains(intent)) {
                    warnings.add(new Problem("intent[" + i + "]", "no route for intent '" + intent
                            + "'; known: " + String.join(", ", router.intents().stream().sorted().toList())));
                }
            }
        }
        Optional<ModelSpec> found = catalog.find(lookup);
        if (found.isEmpty()) {
            errors.add(new Problem("model", "unknown model '" + named + "'; known: " + knownModels()));
            return Optional.empty();
        }
        ModelSpec model = found.get();
        String called = named.equals(model.id()) ? "model '" + named + "'"
                : "model '" + named + "' (" + model.id() + ")";
        String replacement = model.replacement() == null ? "" : "; use '" + model.replacement() + "'";
        if (model.lifecycle() == Lifecycle.RETIRED) {
            Optional<ModelSpec> remapped = remap(brief, model);
            if (remapped.isPresent()) {
                warnings.add(new Problem("model", called + " was retired on " + model.sunset() + "; remapped to '"
                        + remapped.get().id() + "' (" + (brief.allowsRetiredRemap() ? "retired_model: remap"
                        : "project policy") + ")"));
                return remapped;
            }
            errors.add(new Problem("model", called + " was retired on " + model.sunset() + replacement));
            return Optional.empty();
        }
        if (model.lifecycle() == Lifecycle.DEPRECATED) {
            warnings.add(new Problem("model", called + " is deprecated and will be retired on " + model.sunset()
                    + replacement));
        }
        return Optional.of(model);
    }

    /** The replacement of a retired model, when the brief or its project's policy allows it and it is usable. */
    private Optional<ModelSpec> remap(Brief brief, ModelSpec retired) {
        if (retired.replacement() == null
                || !(brief.allowsRetiredRemap() || remapProjects.contains(brief.project()))) {
            return Optional.empty();
        }
        return catalog.find(retired.replacement()).filter(model -> model.lifecycle() != Lifecycle.RETIRED);
    }

    /**
     * The size a brief asks for: {@code size} when given (aspect and resolution then only have to agree with it),
     * else aspect and resolution, each missing one taken from the model's default size.
     */
    private static FrameSize resolveSize(BriefParams params, ModelSpec model, List<Problem> errors) {
        FrameSize size;
        String path;
        String asked;
        if (params.size() != null) {
            size = params.size();
            path = "params.size";
            asked = "size " + size;
            if (params.aspect() != null && !RequestedSize.sameAspect(params.aspect(), size)) {
                errors.add(new Problem("params.aspect", "aspect " + params.aspect() + " does not match size " + size));
            }
            if (params.resolution() != null && params.resolution() != ResolutionTier.of(size)) {
                errors.add(new Problem("params.resolution", "resolution " + params.resolution().wireName()
                        + " does not match size " + size));
            }
        } else if (params.aspect() != null || params.resolution() != null) {
            FrameSize fallback = model.defaultSize();
            String aspect = params.aspect() != null ? params.aspect() : fallback.width() + ":" + fallback.height();
            ResolutionTier tier = params.resolution() != null ? params.resolution() : ResolutionTier.of(fallback);
            size = RequestedSize.of(aspect, tier);
            path = params.resolution() != null ? "params.resolution" : "params.aspect";
            asked = (params.aspect() != null ? params.aspect() + " at " : "") + tier.wireName() + " (" + size + ")";
        } else {
            return model.defaultSize();
        }
        if (!model.renders(size)) {
            errors.add(new Problem(path, asked + " is not rendered by " + model.id() + "; allowed sizes: "
                    + model.sizes().stream().map(FrameSize::toString).collect(Collectors.joining(", "))));
        }
        return size;
    }

    /** The length for shots that name none; each given length is checked against the model's. */
    private static int resolveSeconds(Brief brief, ModelSpec model, List<Problem> errors) {
        Integer asked = brief.params().seconds();
        if (asked != null && !model.accepts(asked)) {
            errors.add(new Problem("params.seconds", secondsMessage(asked, model)));
        }
        for (int i = 0; i < brief.shots().size(); i++) {
            Integer shotSeconds = brief.shots().get(i).seconds();
            if (shotSeconds != null && !model.accepts(shotSeconds)) {
                errors.add(new Problem("shots[" + i + "].seconds", secondsMessage(shotSeconds, model)));
            }
        }
        return asked != null ? asked : model.defaultSeconds();
    }

    private static void checkOptionalFeatures(BriefParams params, ModelSpec model, List<Problem> warnings) {
        if (params.seed() != null && !model.seed()) {
            warnings.add(new Problem("params.seed", model.id() + " takes no seed; seed " + params.seed()
                    + " is dropped"));
        }
        if (params.negative() != null && !model.negativePrompt()) {
            warnings.add(new Problem("params.negative", model.id() + " takes no negative prompt; it is dropped"));
        }
        if (Boolean.TRUE.equals(params.audio()) && !model.audio()) {
            warnings.add(new Problem("params.audio", model.id() + " renders no audio; the clips will be silent"));
        }
    }

    private static void checkBudget(Brief brief, List<GenerationSpec> plan, List<Problem> errors) {
        if (brief.budgetUsd() == null) {
            return;
        }
        BigDecimal estimate = plan.stream().map(GenerationSpec::estimatedCostUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (estimate.compareTo(brief.budgetUsd()) > 0) {
            int seconds = plan.stream().mapToInt(GenerationSpec::seconds).sum();
            errors.add(new Problem("budget_usd", "the estimate is " + estimate.toPlainString() + " USD ("
                    + plan.size() + (plan.size() == 1 ? " clip, " : " clips, ") + seconds + " s on "
                    + plan.get(0).modelId() + "), over the budget of " + brief.budgetUsd().toPlainString()
                    + " USD"));
        }
    }

    private static String secondsMessage(int seconds, ModelSpec model) {
        return "seconds " + seconds + " is not accepted by " + model.id() + "; allowed: "
                + model.seconds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private String knownModels() {
        String ids = catalog.all().stream().filter(m -> !m.isRetired()).map(ModelSpec::id)
                .collect(Collectors.joining(", "));
        String aliases = String.join(", ", catalog.aliases().keySet().stream().sorted().toList());
        return ids + (aliases.isEmpty() ? "" : "; aliases: " + aliases) + "; or " + AutoModelRouter.AUTO;
    }

    private void requireUsable(String name, String role) {
        Optional<ModelSpec> model = catalog.find(name);
        if (model.isEmpty()) {
            throw new IllegalStateException(role + " '" + name + "' is not in the model catalog " + catalog.source());
        }
        if (model.get().isRetired()) {
            throw new IllegalStateException(role + " '" + name + "' is retired in the model catalog "
                    + catalog.source());
        }
    }
}
