package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ModelCatalog;
import io.reelhub.catalog.ModelSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Turns a checked brief into the generations it costs: one per shot in timeline order, one per variation, or one
 * for the whole brief. Values the model does not take (seed, negative prompt, audio) are left out here, so the
 * plan is exactly what will be sent and what the lineage records.
 */
public final class BriefPlanner {

    /** The shot id of a brief without shots: the first shot in editors' numbering. */
    public static final String SINGLE_SHOT_ID = "sh010";

    private final ModelCatalog catalog;
    private final PromptCompiler compiler;
    private final LongSupplier randomSeeds;

    public BriefPlanner(ModelCatalog catalog, PromptCompiler compiler) {
        this(catalog, compiler, () -> ThreadLocalRandom.current().nextLong(BriefParser.MAX_SEED + 1));
    }

    /** @param randomSeeds the first seed of variations that name none; it is recorded in every spec */
    public BriefPlanner(ModelCatalog catalog, PromptCompiler compiler, LongSupplier randomSeeds) {
        this.catalog = catalog;
        this.compiler = compiler;
        this.randomSeeds = randomSeeds;
    }

    /**
     * @param brief   a brief without errors
     * @param model   the resolved model
     * @param size    the resolved frame size
     * @param seconds the resolved length for shots that name none
     */
    public List<GenerationSpec> plan(Brief brief, ModelSpec model, FrameSize size, int seconds) {
        BriefParams params = brief.params();
        List<GenerationSpec> plan = new ArrayList<>();
        if (!brief.shots().isEmpty()) {
            Long seed = model.seed() ? params.seed() : null;
            for (Shot shot : brief.shots()) {
                int shotSeconds = shot.seconds() != null ? shot.seconds() : seconds;
                plan.add(spec(brief, model, size, shot.id(), compiler.compile(brief.prompt(), shot.action()),
                        shotSeconds, seed));
            }
        } else if (brief.variations() > 1) {
            Long first = !model.seed() ? null : params.seed() != null ? params.seed() : randomSeeds.getAsLong();
            String prompt = compiler.compile(brief.prompt());
            for (int i = 0; i < brief.variations(); i++) {
                plan.add(spec(brief, model, size, String.format("var%02d", i + 1), prompt, seconds,
                        first == null ? null : nextSeed(first, i)));
            }
        } else {
            plan.add(spec(brief, model, size, SINGLE_SHOT_ID, compiler.compile(brief.prompt()), seconds,
                    model.seed() ? params.seed() : null));
        }
        return plan;
    }

    private GenerationSpec spec(Brief brief, ModelSpec model, FrameSize size, String shotId, String prompt,
                                int seconds, Long seed) {
        BriefParams params = brief.params();
        boolean audio = model.audio() && !Boolean.FALSE.equals(params.audio());
        String negative = model.negativePrompt() ? params.negative() : null;
        return new GenerationSpec(shotId, model.id(), model.providerModel(), prompt, seconds, size.width(),
                size.height(), seed, negative, audio,
                catalog.estimateUsd(model, seconds, size.width(), size.height()));
    }

    /** Seeds stay in the 32-bit range providers take, wrapping rather than overflowing near the top. */
    private static long nextSeed(long first, int offset) {
        return (first + offset) % (BriefParser.MAX_SEED + 1);
    }
}
