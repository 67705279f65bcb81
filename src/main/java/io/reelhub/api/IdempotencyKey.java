package io.reelhub.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** The rule for Idempotency-Key values: 1 to 255 visible ASCII characters (the length Stripe allows). */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The key to use, null when none was sent; a malformed key is a 400 naming the header. */
    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            String message = "must be 1 to " + MAX_LENGTH + " visible ASCII characters (a UUID is a good key)";
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key", HEADER + " " + message)
                    .with("errors", List.of(Map.of("path", HEADER, "message", message)));
        }
        return key;
    }
}
