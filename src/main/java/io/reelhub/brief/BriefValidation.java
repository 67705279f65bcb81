package io.reelhub.brief;

import io.reelhub.catalog.FrameSize;
import io.reelhub.catalog.ModelSpec;

import java.util.List;

/**
 * What checking a brief against the catalog found.
 *
 * @param model    the resolved model; null when none could be resolved
 * @param size     the resolved frame size; null when the model was not resolved
 * @param plan     the generations the brief costs; empty when there are errors, so nothing invalid is sent
 * @param errors   problems that reject the brief
 * @param warnings problems that do not
 */
public record BriefValidation(ModelSpec model, FrameSize size, List<GenerationSpec> plan, List<Problem> errors,
                              List<Problem> warnings) {

    public BriefValidation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        plan = errors.isEmpty() ? List.copyOf(plan) : List.of();
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
