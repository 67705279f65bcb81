package io.reelhub.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes one protocol of the sandbox announce a retirement the way providers do: every answer of its API (errors
 * included) carries {@code Deprecation: @<epoch seconds>} (RFC 9745), {@code Sunset: <HTTP date>} (RFC 8594) and a
 * {@code Link: <...>; rel="deprecation"}, as armed through {@code POST /sandbox/admin/deprecation/{protocol}}. Media
 * URLs and the admin API never carry them, like a provider's CDN.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxDeprecationHeaders extends OncePerRequestFilter {

    private static final String PREFIX = "/sandbox/";

    /**
     * What one protocol announces; at least one of the dates.
     *
     * @param deprecation when it is (or was) deprecated, or null
     * @param sunset      when it stops answering, or null
     * @param link        a page explaining it, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Announcement(Instant deprecation, Instant sunset, String link) {

        public Announcement {
            if (deprecation == null && sunset == null) {
                throw new IllegalArgumentException("an announcement needs a deprecation or a sunset date");
            }
            link = link == null || link.isBlank() ? null : link;
        }
    }

    private final Map<String, Announcement> announced = new ConcurrentHashMap<>();

    public void announce(String protocol, Announcement announcement) {
        announced.put(protocol, announcement);
    }

    public void withdraw(String protocol) {
        announced.remove(protocol);
    }

    public Optional<Announcement> of(String protocol) {
        return Optional.ofNullable(announced.get(protocol));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return announcement(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Announcement announcement = announcement(request).orElseThrow();
        HttpServletResponseWrapper announcing = new HttpServletResponseWrapper(response) {
            @Override
            public void reset() {
                // the error resolvers reset the answer before writing an error envelope: announce on errors too
                super.reset();
                apply(announcement, this);
            }
        };
        apply(announcement, announcing);
        chain.doFilter(request, announcing);
    }

    private Optional<Announcement> announcement(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (announced.isEmpty() || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        String protocol = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (protocol.equals("admin") || protocol.equals("media")) {
            return Optional.empty();
        }
        return Optional.ofNullable(announced.get(protocol));
    }

    private static void apply(Announcement announcement, HttpServletResponse response) {
        if (announcement.deprecation() != null) {
            response.setHeader("Deprecation", "@" + announcement.deprecation().getEpochSecond());
        }
        if (announcement.sunset() != null) {
            response.setHeader("Sunset",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(announcement.sunset().atOffset(ZoneOffset.UTC)));
        }
        if (announcement.link() != null) {
            response.setHeader("Link", "<" + announcement.link() + ">; rel=\"deprecation\"; type=\"text/html\"");
        }
    }
}
