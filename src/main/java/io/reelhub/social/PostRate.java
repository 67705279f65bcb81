package io.reelhub.social;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many posts a platform takes in how long, written as a platform documents it: {@code 6 per minute, 15 per
 * day} (TikTok through Ayrshare's audited app), {@code 50 per 24h} (Instagram). Each window is a sliding one: a post
 * counts against it for that long after it was sent.
 */
public record PostRate(List<Window> windows) {

    /** At most {@code posts} posts in any {@code length}. */
    public record Window(int posts, Duration length) {

        @Override
        public String toString() {
            return posts + " per " + describe(length);
        }
    }

    public static final PostRate UNLIMITED = new PostRate(List.of());

    private static final Pattern WINDOW = Pattern.compile("\\s*(\\d+)\\s+(?:posts?\\s+)?per\\s+(\\S+)\\s*");

    public PostRate {
        windows = List.copyOf(windows);
    }

    /**
     * Reads {@code "6 per minute, 15 per day"}. Units: {@code second}, {@code minute}, {@code hour}, {@code day},
     * {@code week}, or a length such as {@code 24h}, {@code 15m}, {@code PT12H}. Blank means no limit.
     *
     * @throws IllegalArgumentException naming the part that is not a rate
     */
    public static PostRate parse(String text) {
        if (text == null || text.isBlank()) {
            return UNLIMITED;
        }
        List<Window> windows = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = WINDOW.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a rate; write e.g. '6 per minute,"
                        + " 15 per day' or '50 per 24h'");
            }
            int posts = Integer.parseInt(m.group(1));
            if (posts < 1) {
                throw new IllegalArgumentException("'" + part.strip() + "' allows no post at all");
            }
            windows.add(new Window(posts, length(m.group(2), part.strip())));
        }
        return new PostRate(windows);
    }

    /**
     * When one more post may be sent, given when the posts still counted were sent.
     *
     * @param sent when earlier posts counting against this rate were sent (any order, older ones are ignored)
     * @return empty when a post may go now; else the time the last full window frees a place
     */
    public Optional<Instant> nextAllowed(Collection<Instant> sent, Instant now) {
        Instant latest = null;
        for (Window window : windows) {
            Instant start = now.minus(window.length());
            List<Instant> inWindow = sent.stream().filter(t -> t.isAfter(start)).sorted(Comparator.naturalOrder())
                    .toList();
            if (inWindow.size() >= window.posts()) {
                // the window frees a place when the oldest post that keeps it full leaves it
                Instant frees = inWindow.get(inWindow.size() - window.posts()).plus(window.length());
                latest = latest == null || frees.isAfter(latest) ? frees : latest;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The longest window: how far back posts must be counted. */
    public Duration longest() {
        return windows.stream().map(Window::length).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    @Override
    public String toString() {
        return windows.isEmpty() ? "unlimited" : String.join(", ", windows.stream().map(Window::toString).toList());
    }

    private static Duration length(String unit, String part) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "second", "seconds", "s" -> {
                return Duration.ofSeconds(1);
            }
            case "minute", "minutes", "min" -> {
                return Duration.ofMinutes(1);
            }
            case "hour", "hours", "h" -> {
                return Duration.ofHours(1);
            }
            case "day", "days", "d" -> {
                return Duration.ofDays(1);
            }
            case "week", "weeks" -> {
                return Duration.ofDays(7);
            }
            default -> {
                return amount(unit, part);
            }
        }
    }

    /** {@code 24h}, {@code 15m}, {@code 90s}, {@code 2d} or an ISO-8601 duration. */
    private static Duration amount(String unit, String part) {
        Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(unit.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration length = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (!length.isZero()) {
                return length;
            }
        }
        try {
            Duration length = Duration.parse(unit.toUpperCase(Locale.ROOT));
            if (!length.isNegative() && !length.isZero()) {
                return length;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("'" + part + "': '" + unit + "' is not a length of time; use second,"
                + " minute, hour, day, week or e.g. 24h");
    }

    private static String describe(Duration length) {
        if (length.equals(Duration.ofSeconds(1))) {
            return "second";
        }
        if (length.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (length.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (length.equals(Duration.ofDays(1))) {
            return "day";
        }
        if (length.equals(Duration.ofDays(7))) {
            return "week";
        }
        if (length.toSeconds() % 3600 == 0) {
            return length.toHours() + "h";
        }
        return length.toSeconds() % 60 == 0 ? length.toMinutes() + "m" : length.toSeconds() + "s";
    }
}
