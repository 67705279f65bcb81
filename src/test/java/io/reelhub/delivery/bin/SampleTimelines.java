package io.reelhub.delivery.bin;

import io.reelhub.delivery.Lineage;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Timelines of generated shots, as a brief's version assembles them, for the interchange writers' tests. */
final class SampleTimelines {

    static final String PROMPT = "Rain-soaked neon street in Tokyo at night. A woman in a red trench coat walks "
            + "toward camera.";
    /** Everything a brief's free text can hold that breaks a naive writer. */
    static final String NASTY_PROMPT = "She says \"ça va?\" & <whispers>\tthen\nleaves — 'fin' 東京 🎬\r\nend\u0001";

    private SampleTimelines() {
    }

    /** One shot of {@code acme-spring-sc01 v001}, picture only, 1280x720. */
    static TimelineClip shot(String shotId, double fps, long frames) {
        return shot(shotId, fps, frames, PROMPT, false, 1280, 720);
    }

    static TimelineClip shot(String shotId, double fps, long frames, String prompt, boolean audio, int width,
                             int height) {
        Lineage lineage = new Lineage("job-" + shotId, "acme-spring-sc01", 1, "veo-3.1", "sandbox",
                "sbx-op-" + shotId, 42L, prompt, new BigDecimal("3.20"), true);
        String name = shotId + "_v001";
        return new TimelineClip(name, URI.create("file:///bins/acme-spring/acme-spring-sc01/" + name + ".mp4"), fps,
                frames, lineage, shotId, width, height, audio);
    }

    /** Shots {@code sh010}, {@code sh020}, ... lasting the given seconds each, at {@code fps}. */
    static Timeline ofSeconds(double fps, double... seconds) {
        List<TimelineClip> clips = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            clips.add(shot("sh%03d".formatted((i + 1) * 10), fps, Math.round(seconds[i] * fps)));
        }
        return new Timeline("acme-spring-sc01_v001", clips);
    }
}
