package io.reelhub.sandbox;

import java.util.Map;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    public SandboxAdminController(SandboxFaults faults, SandboxCounters counters) {
        this.faults = faults;
        this.counters = counters;
    }

    /** What is armed now for a protocol ({@code openai} unless named); counts are what remains. */
    @GetMapping("/faults")
    public FaultSettings faults(@RequestParam(defaultValue = SandboxVideo.OPENAI) String protocol) {
        return faults.remaining(protocol);
    }

    /** Replaces every armed fault of one protocol with the body; fields left out are off. */
    @PostMapping("/faults")
    public FaultSettings arm(@RequestParam(defaultValue = SandboxVideo.OPENAI) String protocol,
                             @RequestBody FaultSettings settings) {
        faults.apply(protocol, settings);
        return faults.remaining(protocol);
    }

    /** Disarms every protocol's faults. */
    @DeleteMapping("/faults")
    public FaultSettings disarm() {
        faults.reset();
        return faults.remaining();
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
