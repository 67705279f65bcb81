package io.reelhub.delivery.bin;

import io.reelhub.delivery.Delivery;
import java.util.List;
import java.util.Optional;

/**
 * The shots a delivered clip's brief version is planned to have, in timeline order: what the editing bin waits for
 * before it writes the brief's timeline. Each shot arrives as a delivery of its own, in any order, so the plan has
 * to come from the brief, not from the deliveries seen so far.
 */
@FunctionalInterface
public interface BriefShotPlan {

    /** No plan known: the bin writes each clip's own files and no brief timeline. */
    BriefShotPlan UNKNOWN = delivery -> Optional.empty();

    /**
     * @return the shot ids in timeline order (one for a single-clip brief), or empty when the brief's clips do not
     *         make one timeline (variations are alternatives, not a sequence) or the plan cannot be known
     */
    Optional<List<String>> shotsInOrder(Delivery delivery);
}
