package io.reelhub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeprecationNoticeTest {

    @Test
    void readsRfc9745DatesRfc8594SunsetsAndTheDeprecationLink() {
        DeprecationNotice notice = DeprecationNotice.read(headers(Map.of(
                "Deprecation", List.of("@1780272000"),
                "Sunset", List.of("Fri, 15 Jan 2027 00:00:00 GMT"),
                "Link", List.of("<https://provider.example/models>; rel=\"successor-version\"",
                        "<https://provider.example/deprecations>; rel=\"deprecation\"; type=\"text/html\"")))).orElseThrow();

        assertThat(notice.deprecated()).isTrue();
        assertThat(notice.deprecation()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(notice.sunset()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
        assertThat(notice.link()).isEqualTo("https://provider.example/deprecations");
        assertThat(notice.describe("fal", "kling-2.1")).startsWith("fal says kling-2.1 is deprecated")
                .contains("2026-06-01").contains("stops answering on 2027-01-15")
                .contains("see https://provider.example/deprecations");
    }

    @Test
    void acceptsTheDraftsTrueAndHttpDateFormsAndASunsetAlone() {
        DeprecationNotice draft = DeprecationNotice.read(headers(Map.of("Deprecation", List.of("true")))).orElseThrow();
        assertThat(draft.deprecated()).isTrue();
        assertThat(draft.deprecation()).isNull();

        DeprecationNotice dated = DeprecationNotice.read(headers(Map.of(
                "Deprecation", List.of("Mon, 01 Jun 2026 00:00:00 GMT")))).orElseThrow();
        assertThat(dated.deprecation()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));

        DeprecationNotice sunsetOnly = DeprecationNotice.read(headers(Map.of(
                "Sunset", List.of("Fri, 15 Jan 2027 00:00:00 GMT"),
                "Link", List.of("<https://provider.example/sunset>; rel=sunset")))).orElseThrow();
        assertThat(sunsetOnly.deprecated()).isFalse();
        assertThat(sunsetOnly.link()).isEqualTo("https://provider.example/sunset");
        assertThat(sunsetOnly.describe("gemini", "veo-3.1")).startsWith("gemini says veo-3.1 stops answering on"
                + " 2027-01-15");
    }

    @Test
    void anAnswerWithoutEitherHeaderSaysNothingAndAnUnreadableDateIsStillANotice() {
        assertThat(DeprecationNotice.read(headers(Map.of("Link",
                List.of("<https://x.example>; rel=\"deprecation\""))))).isEmpty();

        DeprecationNotice garbled = DeprecationNotice.read(headers(Map.of("Deprecation", List.of("@soon"),
                "Sunset", List.of("next year")))).orElseThrow();
        assertThat(garbled.deprecated()).isTrue();
        assertThat(garbled.deprecation()).isNull();
        assertThat(garbled.sunset()).isNull();
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }
}
