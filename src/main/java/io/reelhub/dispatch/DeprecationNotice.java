package io.reelhub.dispatch;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a provider's answer says about the lifecycle of what was called: the {@code Deprecation} header (RFC 9745: a
 * structured-field date {@code @1767225600}; earlier drafts sent {@code true} or an HTTP date), the {@code Sunset}
 * header (RFC 8594: an HTTP date after which the resource may stop answering) and the {@code Link} with
 * {@code rel="deprecation"} or {@code rel="sunset"} that explains it. Providers announce model retirements this way
 * before the dates reach their changelogs; the hub turns them into warnings and metrics instead of a surprise 404.
 *
 * @param deprecated  whether the answer says the resource is (or will be) deprecated
 * @param deprecation since when, or from when; null when the header gave no date or none was sent
 * @param sunset      when it stops answering; null when no readable {@code Sunset} was sent
 * @param link        where the provider explains it; null when none
 */
public record DeprecationNotice(boolean deprecated, Instant deprecation, Instant sunset, String link) {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*?rel\\s*=\\s*\"?([^\",;]+)\"?");

    /** The notice in these headers, if they carry {@code Deprecation} or {@code Sunset}. */
    public static Optional<DeprecationNotice> read(HttpHeaders headers) {
        Optional<String> deprecation = headers.firstValue("deprecation").map(String::trim);
        Optional<String> sunset = headers.firstValue("sunset").map(String::trim);
        if (deprecation.isEmpty() && sunset.isEmpty()) {
            return Optional.empty();
        }
        boolean deprecated = deprecation.filter(value -> !value.equalsIgnoreCase("false")).isPresent();
        return Optional.of(new DeprecationNotice(deprecated, deprecation.map(DeprecationNotice::date).orElse(null),
                sunset.map(DeprecationNotice::httpDate).orElse(null), link(headers)));
    }

    /** One line for a job's warnings: what is deprecated, since when, until when, and where to read about it. */
    public String describe(String provider, String model) {
        StringBuilder text = new StringBuilder(provider).append(" says ").append(model);
        if (deprecated) {
            text.append(" is deprecated");
            if (deprecation != null) {
                text.append(deprecation.isAfter(Instant.now()) ? " from " : " since ").append(day(deprecation));
            }
            if (sunset != null) {
                text.append(" and stops answering on ").append(day(sunset));
            }
        } else {
            text.append(" stops answering on ").append(sunset == null ? "an unreadable date" : day(sunset));
        }
        text.append(" (Deprecation/Sunset headers)");
        if (link != null) {
            text.append("; see ").append(link);
        }
        return text.append("; pick a replacement in the model catalog before then").toString();
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** RFC 9745's {@code @<seconds>}, or an HTTP date as earlier drafts sent it; null for {@code true} or unreadable. */
    private static Instant date(String value) {
        if (value.startsWith("@")) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(value.substring(1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return httpDate(value);
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String link(HttpHeaders headers) {
        String fallback = null;
        for (String value : headers.allValues("link")) {
            Matcher matcher = LINK.matcher(value);
            while (matcher.find()) {
                String rel = matcher.group(2).trim();
                if (rel.equalsIgnoreCase("deprecation")) {
                    return matcher.group(1);
                }
                if (rel.equalsIgnoreCase("sunset")) {
                    fallback = matcher.group(1);
                }
            }
        }
        return fallback;
    }
}
