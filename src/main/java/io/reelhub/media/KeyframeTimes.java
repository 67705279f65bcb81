package io.reelhub.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses when keyframes are taken: first the strongest scene changes (a cut is where a storyboard needs a new
 * panel), then evenly spaced times that fill the gaps farthest from what is already chosen, never two closer than
 * a minimum gap. Pure arithmetic, so the choice is tested without decoding anything.
 */
final class KeyframeTimes {

    /** A detected cut: the time of the first frame of the new scene and how different it is (0..1). */
    record SceneChange(double seconds, double score) {
    }

    private KeyframeTimes() {
    }

    /**
     * @param duration clip length in seconds
     * @param fps      frame rate (for the time of the last frame); 0 or less is taken as 24
     * @param changes  detected scene changes, any order
     * @param count    how many keyframes are wanted
     * @return at most {@code count} times, ascending; fewer only when the clip has fewer distinct frames
     */
    static List<Double> choose(double duration, double fps, List<SceneChange> changes, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the keyframe count must be at least 1, got " + count);
        }
        double frame = 1 / (fps > 0 ? fps : 24);
        double last = Math.max(0, duration - frame);
        double gap = Math.max(frame, duration / (count * 4.0));
        List<Double> chosen = new ArrayList<>();
        changes.stream()
                .filter(change -> change.seconds() > 0 && change.seconds() <= last)
                .sorted(Comparator.comparingDouble(SceneChange::score).reversed())
                .forEach(change -> {
                    if (chosen.size() < count && distance(change.seconds(), chosen) >= gap) {
                        chosen.add(change.seconds());
                    }
                });
        fill(chosen, grid(duration, last, count), count, gap);
        // A crowded clip (many cuts, few frames): a finer grid and a gap of one frame still find distinct frames.
        fill(chosen, grid(duration, last, count * 8), count, frame);
        return chosen.stream().sorted().toList();
    }

    private static List<Double> grid(double duration, double last, int slots) {
        List<Double> times = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            times.add(Math.min(last, (i + 0.5) * duration / slots));
        }
        return times;
    }

    /** Adds, one at a time, the candidate farthest from everything chosen, while it is at least {@code gap} away. */
    private static void fill(List<Double> chosen, List<Double> candidates, int count, double gap) {
        while (chosen.size() < count) {
            double best = Double.NaN;
            double bestDistance = -1;
            for (double candidate : candidates) {
                double d = distance(candidate, chosen);
                if (d > bestDistance + 1e-9) {
                    best = candidate;
                    bestDistance = d;
                }
            }
            if (Double.isNaN(best) || bestDistance < gap - 1e-9) {
                return;
            }
            chosen.add(best);
        }
    }

    private static double distance(double time, List<Double> chosen) {
        double nearest = Double.POSITIVE_INFINITY;
        for (double other : chosen) {
            nearest = Math.min(nearest, Math.abs(other - time));
        }
        return nearest;
    }
}
