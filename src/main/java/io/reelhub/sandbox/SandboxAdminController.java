package io.reelhub.sandbox;

import java.util.Map;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Control of the sandbox for tests and demos: arm faults, read what the provider was asked to do. Outside the
 * emulated API on purpose (no bearer key, not under {@code /sandbox/openai}).
 */
@RestController
@RequestMapping("/sandbox/admin")
@ConditionalOnSandboxEnabled
public class SandboxAdminController {

    private final SandboxFaults faults;
    private final SandboxCounters counters;
    private final SandboxDeprecationHeaders deprecations;

    public SandboxAdminController(SandboxFaults faults, SandboxCounters counters,
                                  SandboxDeprecationHeaders deprecations) {
        this.faults = faults;
        this.counters = counters;
        this.deprecations = deprecations;
    }

    /** What is armed now for the OpenAI protocol; counts are what remains. */
    @GetMapping("/faults")
    public FaultSettings faults() {
        return faults.remaining();
    }

    /** Replaces every armed fault of the OpenAI protocol with the body; fields left out are off. */
    @PostMapping("/faults")
    public FaultSettings arm(@RequestBody FaultSettings settings) {
        faults.apply(settings);
        return faults.remaining();
    }

    /** Disarms every fault of every protocol. */
    @DeleteMapping("/faults")
    public FaultSettings disarm() {
        faults.reset();
        return faults.remaining();
    }

    /**
     * What is armed for one protocol ({@code openai}, {@code gemini}, {@code vertex}, {@code replicate},
     * {@code kling}, {@code fal}, {@code runway}); counts are what remains.
     */
    @GetMapping("/faults/{protocol}")
    public FaultSettings faults(@PathVariable String protocol) {
        return faults.of(protocol).remaining();
    }

    /** Replaces every armed fault of one protocol with the body; the other protocols keep theirs. */
    @PostMapping("/faults/{protocol}")
    public FaultSettings arm(@PathVariable String protocol, @RequestBody FaultSettings settings) {
        faults.of(protocol).apply(settings);
        return faults.of(protocol).remaining();
    }

    @DeleteMapping("/faults/{protocol}")
    public FaultSettings disarm(@PathVariable String protocol) {
        faults.of(protocol).apply(FaultSettings.NONE);
        return faults.of(protocol).remaining();
    }

    /** What one protocol announces about its retirement on every answer; 404 when nothing is announced. */
    @GetMapping("/deprecation/{protocol}")
    public ResponseEntity<SandboxDeprecationHeaders.Announcement> deprecation(@PathVariable String protocol) {
        return ResponseEntity.of(deprecations.of(protocol));
    }

    /**
     * Makes every answer of one protocol's API carry {@code Deprecation}, {@code Sunset} and a deprecation
     * {@code Link}: {@code {"deprecation": "2026-06-01T00:00:00Z", "sunset": "2026-12-01T00:00:00Z", "link": "..."}}.
     */
    @PostMapping("/deprecation/{protocol}")
    public SandboxDeprecationHeaders.Announcement announce(@PathVariable String protocol,
                                                           @RequestBody SandboxDeprecationHeaders.Announcement body) {
        deprecations.announce(protocol, body);
        return body;
    }

    @DeleteMapping("/deprecation/{protocol}")
    public ResponseEntity<Void> withdraw(@PathVariable String protocol) {
        deprecations.withdraw(protocol);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/counters")
    public SandboxCounters.Snapshot counters() {
        return counters.snapshot();
    }

    /** A fault body that does not parse, or names an impossible status, says why instead of a bare 400. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(cause.getMessage())));
    }
}
