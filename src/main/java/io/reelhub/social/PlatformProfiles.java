package io.reelhub.social;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.reelhub.media.Reframe;

/**
 * The platforms the hub knows, read from {@code reelhub.social.platforms} and checked at start-up: a profile with a
 * malformed size, fit, window or rate stops the hub with every problem named, instead of surfacing in the first
 * social job.
 */
@Component
public class PlatformProfiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d{2,5})\\s*[x×]\\s*(\\d{2,5})\\s*");

    private final Map<String, PlatformProfile> profiles;

    public PlatformProfiles(SocialProperties properties) {
        this.profiles = read(properties);
    }

    public Optional<PlatformProfile> find(String name) {
        return Optional.ofNullable(name == null ? null : profiles.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** @throws IllegalArgumentException naming the known platforms */
    public PlatformProfile get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown social platform '" + name
                + "'; known platforms: " + known() + " (reelhub.social.platforms)"));
    }

    public String known() {
        return profiles.isEmpty() ? "none" : String.join(", ", profiles.keySet());
    }

    static Map<String, PlatformProfile> read(SocialProperties properties) {
        Map<String, PlatformProfile> read = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        properties.platforms().forEach((name, platform) -> {
            String key = "reelhub.social.platforms." + name;
            if (!NAME.matcher(name).matches()) {
                problems.add(key + ": a platform name is lower-case letters, digits and dashes");
                return;
            }
            if (platform == null) {
                problems.add(key + ": no settings");
                return;
            }
            int before = problems.size();
            int[] size = size(platform.size(), key, problems);
            boolean crop = fit(platform.fit(), key, problems);
            window(platform.minSeconds(), platform.maxSeconds(), key + ".min-seconds/max-seconds", problems);
            window(platform.minFps(), platform.maxFps(), key + ".min-fps/max-fps", problems);
            PostRate rate = PostRate.UNLIMITED;
            try {
                rate = PostRate.parse(platform.rate());
            } catch (IllegalArgumentException e) {
                problems.add(key + ".rate: " + e.getMessage());
            }
            if (problems.size() == before) {
                read.put(name, new PlatformProfile(name, size[0], size[1], crop, platform.minSeconds(),
                        platform.maxSeconds(), platform.minFps(), platform.maxFps(), platform.codecs(), rate,
                        platform.source()));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("reelhub.social.platforms has " + problems.size() + " problem(s): "
                    + String.join("; ", problems));
        }
        return Collections.unmodifiableMap(read);
    }

    private static int[] size(String written, String key, List<String> problems) {
        Matcher m = written == null ? null : SIZE.matcher(written);
        if (m == null || !m.matches()) {
            problems.add(key + ".size: '" + written + "' is not a frame size such as 1080x1920");
            return new int[] {0, 0};
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        try {
            new Reframe(width, height, Reframe.Fit.CROP);
        } catch (IllegalArgumentException e) {
            problems.add(key + ".size: " + e.getMessage());
        }
        return new int[] {width, height};
    }

    private static boolean fit(String written, String key, List<String> problems) {
        String fit = written == null ? "crop" : written.trim().toLowerCase(Locale.ROOT);
        if (!fit.equals("crop") && !fit.equals("pad")) {
            problems.add(key + ".fit: '" + written + "' is not crop or pad");
        }
        return !fit.equals("pad");
    }

    private static void window(Double min, Double max, String key, List<String> problems) {
        if (min != null && min < 0 || max != null && max <= 0) {
            problems.add(key + ": a window's bounds are positive");
        } else if (min != null && max != null && min > max) {
            problems.add(key + ": the lower bound " + min + " is above the upper bound " + max);
        }
    }
}
