package io.reelhub.delivery.storyboard;

import java.util.List;

import io.reelhub.delivery.Lineage;

/**
 * What storyboard and reference packages need of a brief beyond the one clip being delivered: its title, its
 * version and every shot in timeline order. A multi-shot brief is delivered shot by shot (one child job each), and
 * each shot's package still shows the whole brief's shot list.
 */
public record BriefOutline(
        String project,
        String briefId,
        String title,
        int version,
        List<PlannedShot> shots) {

    public BriefOutline {
        shots = List.copyOf(shots);
    }

    public PlannedShot shot(String id) {
        return shots.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("brief " + briefId + " has no shot '" + id + "'; its shots: "
                        + shots.stream().map(PlannedShot::id).toList()));
    }

    /** {@code v001} for version 1. */
    public String versionLabel() {
        return Lineage.versionLabel(version);
    }

    /** The brief's planned length: the sum of its shots. */
    public double totalSeconds() {
        return shots.isEmpty() ? 0 : shots.get(shots.size() - 1).endSeconds();
    }
}
